using Cronos;

namespace Shop.Core.Catalogue;

/// <summary>A supplier as an admin or a script types it; the checks the API and the supplier pages share.</summary>
public sealed class SupplierInput
{
    public string? Name { get; set; }
    public string? BaseUrl { get; set; }
    public string? Schedule { get; set; }

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        if (Name is null) errors.Add(new("name", "Give the supplier a name."));
        else if (Name.Length > 200) errors.Add(new("name", "The name must be at most 200 characters."));
        BaseUrl = string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl.Trim();
        if (BaseUrl is null || !ProductInput.IsHttpUrl(BaseUrl) || BaseUrl.Length > 2000)
            errors.Add(new("baseUrl", "The base URL must be an absolute http:// or https:// address."));
        Schedule = string.IsNullOrWhiteSpace(Schedule) ? null : Schedule.Trim();
        if (Schedule is not null && (Schedule.Length > 100 || !CronExpression.TryParse(Schedule, CronFormat.Standard, out _)))
            errors.Add(new("schedule", $"'{Schedule}' is not a 5-field cron expression such as \"0 3 * * *\"."));
        return errors;
    }
}
