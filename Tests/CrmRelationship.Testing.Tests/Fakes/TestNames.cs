namespace CrmRelationship.Testing.Tests.Fakes;

/// <summary>
/// The tables, columns and option values the harness's own tests write. Tables, columns and state values
/// are the platform's standard ones, which any organization has; the one choice column and its two options
/// are plainly test data. The harness treats every name and option value as opaque, so its tests need none of
/// the product's (this project references neither the Scoring library nor the plug-in assembly).
/// </summary>
internal static class TestNames
{
    public const string Contact = "contact";
    public const string Account = "account";

    public const string AccountId = "accountid";
    public const string FullName = "fullname";
    public const string FirstName = "firstname";
    public const string Description = "description";
    public const string ParentCustomerId = "parentcustomerid";
    public const string StateCode = "statecode";
    public const string CreatedOn = "createdon";

    /// <summary>The platform's statecode values of contact and account.</summary>
    public const int Active = 0;

    public const int Inactive = 1;

    /// <summary>A choice column of the tests' own.</summary>
    public const string Choice = "test_choice";

    /// <summary>Two options of <see cref="Choice"/>.</summary>
    public const int OptionA = 1;

    public const int OptionB = 2;
}
