using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shop.Web.Catalogue;

namespace Shop.Web.Pages.Admin.Products;

/// <summary>CSV import: every row checked, all rows written or none, with a report by line and field.</summary>
// The form may carry a file larger than the import's cap; it is read to a temporary file, not memory, and then refused
// with a message, which beats the server's bare 413.
[RequestSizeLimit(ImportModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxRequestBytes)]
public class ImportModel(CatalogueCsv csv) : PageModel
{
    public const long MaxRequestBytes = 256L * 1024 * 1024;

    public ImportReport? Report { get; private set; }
    public long MaxBytes => csv.MaxBytes;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Report = ImportReport.Refused("Choose a CSV file to import.");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Report = await csv.ImportAsync(stream, file.Length, User.Identity?.Name ?? "unknown", ct);
        if (!Report.Succeeded) return Page();
        TempData["Status"] = $"Imported {file.FileName}: {Report.Created} created, {Report.Updated} updated, {Report.Unchanged} unchanged.";
        return RedirectToPage("./Index");
    }
}
