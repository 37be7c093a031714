using System;
using System.Collections.Generic;
using System.Globalization;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;

namespace CrmRelationship.Plugins;

/// <summary>
/// Maps the request parameters of <c>rel_PreviewRelationshipAssessment</c> to the Scoring library's
/// inputs and its score to the response properties. A parameter that is absent or null is "not
/// assessed"; a value that cannot be right (an option value outside its choice, a list that is not
/// option values separated by commas) is refused with the parameter and the value named, and a capture
/// date in the future with the input named as the form shows it, as the contact's save refuses it.
/// </summary>
internal static class PreviewParameters
{
    /// <param name="request">The request parameters.</param>
    /// <param name="now">The time of the preview, against which a capture date is refused when it is in the future.</param>
    public static ContactInputs Inputs(ParameterCollection request, DateTime now) => new()
    {
        Relationship = Choice<RelationshipStatus>(request, Api.Relationship),
        OrganizationalPower = Choice<OrganizationalPower>(request, Api.OrganizationalPower),
        Perception = Choice<Perception>(request, Api.Perception),
        ActivityLevel = Choice<ActivityLevel>(request, Api.ActivityLevel),
        ObservedBehaviours = Choices<RelationshipBehaviour>(request, Api.ObservedBehaviours),
        RiskBehaviours = Choices<RiskBehaviour>(request, Api.RiskBehaviours),
        CustomerViewLevel = Choice<RelationshipLevel>(request, Api.CustomerViewLevel),
        CustomerViewDate = CaptureDate(request, Api.CustomerViewDate, now),
        FeedbackCadence = Choice<FeedbackCadence>(request, Api.FeedbackCadence),
        PrimaryNeed = Choice<HumanNeed>(request, Api.PrimaryNeed),
    };

    /// <summary>Sets the response properties. Values that were not computed are left out, so callers read them as null.</summary>
    public static void Write(ContactScore score, ParameterCollection response)
    {
        SetIfKnown(response, Api.RecommendedAction, Labels.ValueOf(score.RecommendedAction));
        SetIfKnown(response, Api.RelationshipLevel, Labels.ValueOf(score.RelationshipLevel));
        SetIfKnown(response, Api.ExpectationGap, score.ExpectationGap);
        SetIfKnown(response, Api.ExpectationAlignment, Labels.ValueOf(score.ExpectationAlignment));
        SetIfKnown(response, Api.HealthScore, score.HealthScore);
        response[Api.Explanation] = score.Explanation;
        if (score.NextStep is { } nextStep)
        {
            response[Api.NextStep] = nextStep;
        }
    }

    /// <summary>How many request parameters carry a value; traced, never their values.</summary>
    public static int CountGiven(ParameterCollection request)
    {
        var given = 0;
        foreach (var parameter in request)
        {
            if (parameter.Value is not null)
            {
                given++;
            }
        }

        return given;
    }

    private static TChoice? Choice<TChoice>(ParameterCollection request, string parameter)
        where TChoice : struct, Enum
    {
        var raw = Raw(request, parameter);
        return raw switch
        {
            null => null,
            int value => ToChoice<TChoice>(parameter, value, value.ToString(CultureInfo.InvariantCulture)),
            _ => throw Refused(parameter, Describe(raw), "is not a whole number"),
        };
    }

    private static TChoice[] Choices<TChoice>(ParameterCollection request, string parameter)
        where TChoice : struct, Enum
    {
        var raw = Raw(request, parameter);
        if (raw is null)
        {
            return Array.Empty<TChoice>();
        }

        if (raw is not string text)
        {
            throw Refused(parameter, Describe(raw), "is not text");
        }

        if (text.Trim().Length == 0)
        {
            return Array.Empty<TChoice>();
        }

        var items = text.Split(',');
        var result = new List<TChoice>(items.Length);
        foreach (var item in items)
        {
            var token = item.Trim();
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Refused(parameter, text, "is not a list of option values separated by commas");
            }

            result.Add(ToChoice<TChoice>(parameter, value, token));
        }

        return result.ToArray();
    }

    private static DateTime? CaptureDate(ParameterCollection request, string parameter, DateTime now)
    {
        var raw = Raw(request, parameter);
        var date = raw switch
        {
            null => (DateTime?)null,
            DateTime value => value,
            _ => throw Refused(parameter, Describe(raw), "is not a date"),
        };
        return CaptureDates.Problem(Labels.ContactFields.CustomerViewDate, date, now) is { } problem
            ? throw new InvalidPluginExecutionException(problem + ".")
            : date;
    }

    private static object? Raw(ParameterCollection request, string parameter) =>
        request.TryGetValue(parameter, out object value) ? value : null;

    private static TChoice ToChoice<TChoice>(string parameter, int value, string shown)
        where TChoice : struct, Enum =>
        Labels.TryFromValue<TChoice>(value, out var choice)
            ? choice
            : throw Refused(parameter, shown, "is not one of its option values");

    private static void SetIfKnown(ParameterCollection response, string property, int? value)
    {
        if (value is not null)
        {
            response[property] = value.Value;
        }
    }

    private static string Describe(object raw) => Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;

    // The value is echoed to the caller who sent it, shortened so a runaway string cannot flood the message.
    private static InvalidPluginExecutionException Refused(string parameter, string value, string problem) =>
        new("The value '" + (value.Length <= MaxShownLength ? value : value.Remove(MaxShownLength) + "...")
            + "' of the parameter " + parameter + " " + problem
            + ". Send the option values of the contact's columns and try again.");

    private const int MaxShownLength = 100;
}
