using Cronos;

namespace Shop.Core.Catalogue;

/// <summary>A supplier as an admin or a script types it: the one set of checks the supplier pages, the API and the
/// scan scheduler share.</summary>
public sealed class SupplierInput
{
    public string? Name { get; set; }
    public string? BaseUrl { get; set; }
    public string? Schedule { get; set; }

    /// <summary>IANA ("Europe/Berlin") or Windows id the schedule is read in; empty means UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Trims the fields (empty becomes null) and names every bad one.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Name = Clean(Name);
        if (Name is null) errors.Add(new("name", "Give the supplier a name."));
        else if (Name.Length > 200) errors.Add(new("name", "The name must be at most 200 characters."));
        BaseUrl = Clean(BaseUrl);
        if (BaseUrl is null || !ProductInput.IsHttpUrl(BaseUrl) || BaseUrl.Length > 2000)
            errors.Add(new("baseUrl", "The base URL must be an absolute http:// or https:// address."));
        Schedule = Clean(Schedule);
        if (CronProblem(Schedule) is { } cronProblem) errors.Add(new("schedule", cronProblem));
        TimeZone = Clean(TimeZone);
        if (!TryFindTimeZone(TimeZone, out _))
            errors.Add(new("timeZone", $"'{TimeZone}' is not a known time zone; use an IANA name such as Europe/Berlin, or leave it empty for UTC."));
        return errors;
    }

    /// <summary>Null when the schedule is empty ("scan now" only) or a 5-field cron expression; otherwise what is wrong.</summary>
    public static string? CronProblem(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule)) return null;
        var trimmed = schedule.Trim();
        return trimmed.Length <= 100 && CronExpression.TryParse(trimmed, CronFormat.Standard, out _)
            ? null
            : $"'{trimmed}' is not a 5-field cron expression such as \"0 3 * * *\" (minute hour day month weekday).";
    }

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
