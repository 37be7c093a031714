using System;
using System.Globalization;
using System.Linq;

namespace CrmRelationship.Packaging;

/// <summary>
/// A solution version, <c>major.minor.build.revision</c>, as solution.xml writes it. Dataverse names an
/// exported zip after it with the dots replaced by underscores (CrmRelationship_1_0_0_0.zip), and an
/// upgrade must carry a higher version than the one installed.
/// </summary>
public sealed record SolutionVersion(int Major, int Minor, int Build, int Revision)
{
    /// <summary>Reads x.y.z.w: four whole numbers from 0 to 2147483647, no signs or spaces.</summary>
    public static bool TryParse(string? text, out SolutionVersion? version)
    {
        version = null;
        var parts = (text ?? string.Empty).Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length == 0 || p.Length > 10 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new SolutionVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }

    public static SolutionVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version!
            : throw new FormatException($"'{text}' is not a solution version of the form x.y.z.w, such as 1.0.0.0.");

    /// <summary>The form used in zip names: 1_0_0_0.</summary>
    public string FileNamePart => ToString().Replace('.', '_');

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Build}.{Revision}");
}
