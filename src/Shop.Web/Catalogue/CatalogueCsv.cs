using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Catalogue;

public sealed class CatalogueCsvOptions
{
    /// <summary>Largest CSV file an import accepts; bigger files are refused before a row is read.</summary>
    public long ImportMaxBytes { get; set; } = 20 * 1024 * 1024;
}

public sealed record ImportError(int Line, string Field, string Message);

/// <summary>What an import did, or why it wrote nothing. A file with any bad row writes no product at all.</summary>
public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors, int ErrorCount, string? FileError)
{
    public const int MaxListedErrors = 500;
    public bool Succeeded => FileError is null && ErrorCount == 0;
    public static ImportReport Refused(string message) => new(0, 0, 0, [], 0, message);
}

/// <summary>
/// The catalogue as CSV (CsvHelper, UTF-8, comma, header row): the export writes every product streaming from the
/// database; the import validates every row with <see cref="ProductInput"/> and writes all rows or none, upserting
/// by slug. Suppliers are named by their name, so a file moves between databases.
/// </summary>
public class CatalogueCsv(ShopDbContext db, ProductCatalogue catalogue, TimeProvider time, IOptions<CatalogueCsvOptions> options)
{
    public static readonly string[] Columns =
    [
        "slug", "name", "kind", "brand", "description", "price", "currency", "needleLengthMm", "needleCount",
        "needleMaterial", "intendedUse", "singleUse", "sterile", "claims", "published", "supplier", "supplierUrl",
    ];
    private static readonly string[] RequiredColumns = ["name", "kind", "price"];
    private const int MaxRows = 200_000;

    public long MaxBytes => options.Value.ImportMaxBytes;

    public async Task ExportAsync(Stream output, CancellationToken ct)
    {
        var suppliers = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        await foreach (var product in db.Products.AsNoTracking().OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var fields = ProductInput.From(product).Describe().ToDictionary(f => f.Field, f => f.Value);
            fields["supplier"] = product.SupplierId is { } id && suppliers.TryGetValue(id, out var name) ? name : null;
            foreach (var column in Columns) csv.WriteField(fields[column] ?? "");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    public async Task<ImportReport> ImportAsync(Stream file, long? length, string actor, CancellationToken ct)
    {
        if (length > MaxBytes)
        {
            return ImportReport.Refused($"The file is {Megabytes(length.Value)}; the import takes files up to {Megabytes(MaxBytes)}. Split it into smaller files.");
        }
        var rows = new List<(int Line, ProductInput Input)>();
        string[] columns = [];
        var errors = new List<ImportError>();
        var errorCount = 0;
        void Error(int line, string field, string message)
        {
            errorCount++;
            if (errors.Count < ImportReport.MaxListedErrors) errors.Add(new ImportError(line, field, message));
        }

        var suppliers = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var badData = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => badData = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        // A strict decoder: a Latin-1 or Windows-1252 file fails loudly instead of importing mangled names.
        using var reader = new StreamReader(new CappedStream(file, MaxBytes), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        var line = 1;
        try
        {
            if (!await csv.ReadAsync()) return ImportReport.Refused("The file is empty: expected a header row with " + string.Join(",", Columns) + ".");
            csv.ReadHeader();
            var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
            columns = header;
            var unknown = header.Where(h => !Columns.Contains(h)).ToList();
            var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
            var repeated = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (unknown.Count > 0 || missing.Count > 0 || repeated.Count > 0)
            {
                var problems = new List<string>();
                if (missing.Count > 0) problems.Add($"missing column(s) {string.Join(", ", missing)}");
                if (unknown.Count > 0) problems.Add($"unknown column(s) {string.Join(", ", unknown)}");
                if (repeated.Count > 0) problems.Add($"repeated column(s) {string.Join(", ", repeated)}");
                return ImportReport.Refused($"Line 1 (header): {string.Join("; ", problems)}. The columns are: {string.Join(",", Columns)}.");
            }

            var slugs = new Dictionary<string, int>();
            while (await csv.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                line = csv.Parser.RawRow;
                if (rows.Count + errorCount >= MaxRows)
                {
                    return ImportReport.Refused($"The file has more than {MaxRows:N0} rows; split it into smaller files.");
                }
                if (badData)
                {
                    badData = false;
                    Error(line, "row", "Broken quoting: a field starts or ends with a stray quote.");
                    continue;
                }
                if (csv.Parser.Count != header.Length)
                {
                    Error(line, "row", $"The row has {csv.Parser.Count} fields; the header has {header.Length}.");
                    continue;
                }
                string? Field(string name)
                {
                    var index = Array.IndexOf(header, name);
                    return index >= 0 && csv.GetField(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
                }
                var before = errorCount;
                var input = new ProductInput
                {
                    Slug = Field("slug"), Name = Field("name"), Kind = Field("kind"), Brand = Field("brand"),
                    Description = Field("description"), Currency = Field("currency"), NeedleMaterial = Field("needleMaterial"),
                    IntendedUse = Field("intendedUse"), SupplierUrl = Field("supplierUrl"),
                    Claims = Field("claims")?.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [],
                };
                input.Price = Number(Field("price"), "price", (string s, out decimal v) => decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v));
                input.NeedleLengthMm = Number(Field("needleLengthMm"), "needleLengthMm", (string s, out double v) => double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v));
                input.NeedleCount = Number(Field("needleCount"), "needleCount", (string s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));
                input.SingleUse = YesNo(Field("singleUse"), "singleUse");
                input.Sterile = YesNo(Field("sterile"), "sterile");
                input.Published = YesNo(Field("published"), "published") ?? false;
                if (Field("supplier") is { } supplierName)
                {
                    if (suppliers.TryGetValue(supplierName, out var supplierId)) input.SupplierId = supplierId;
                    else Error(line, "supplier", $"There is no supplier named '{supplierName}'. Create it first.");
                }
                foreach (var e in input.Validate())
                {
                    // A price that did not parse is already reported; do not add "give a price" on top.
                    if (e.Field == "price" && input.Price is null && Field("price") is not null) continue;
                    Error(line, e.Field, e.Message);
                }
                if (input.Slug is { } slug && errorCount == before)
                {
                    if (slugs.TryGetValue(slug, out var firstLine)) Error(line, "slug", $"The slug '{slug}' is already on line {firstLine} of this file.");
                    else slugs[slug] = line;
                }
                if (errorCount == before) rows.Add((line, input));

                T? Number<T>(string? text, string field, TryParse<T> parse) where T : struct
                {
                    if (text is null) return null;
                    if (parse(text, out var value)) return value;
                    Error(line, field, $"'{text}' is not a number{(text.Contains(',') ? " (use a dot for decimals, no thousands separator)" : "")}.");
                    return null;
                }
                bool? YesNo(string? text, string field)
                {
                    switch (text?.ToLowerInvariant())
                    {
                        case null: return null;
                        case "yes" or "true" or "1" or "y": return true;
                        case "no" or "false" or "0" or "n": return false;
                        default:
                            Error(line, field, $"'{text}' is not yes or no.");
                            return null;
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return ImportReport.Refused($"The file is not UTF-8 text (bytes near line {line + 1} are not UTF-8). Save it as \"CSV UTF-8\" and import again.");
        }
        catch (FileTooLargeException)
        {
            return ImportReport.Refused($"The file is larger than {Megabytes(MaxBytes)}; the import takes files up to that size. Split it into smaller files.");
        }
        catch (CsvHelperException ex)
        {
            return ImportReport.Refused($"Line {line + 1}: the file is not readable CSV ({ex.GetType().Name}).");
        }

        if (errorCount > 0) return new ImportReport(0, 0, 0, errors, errorCount, null);
        if (rows.Count == 0) return ImportReport.Refused("The file has a header but no rows.");
        return await WriteAsync(rows, columns.ToHashSet(), actor, ct);
    }

    private async Task<ImportReport> WriteAsync(List<(int Line, ProductInput Input)> rows, HashSet<string> columns, string actor, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0;
        var now = time.GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await catalogue.InTransactionAsync(async () =>
        {
            created = updated = unchanged = 0;
            foreach (var batch in rows.Chunk(1000))
            {
                var slugs = batch.Select(r => r.Input.Slug!).ToList();
                var existing = await db.Products.Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, ct);
                var fresh = new List<(Product Product, ProductInput Input)>();
                foreach (var (_, input) in batch)
                {
                    if (existing.TryGetValue(input.Slug!, out var product))
                    {
                        var before = ProductInput.From(product);
                        var merged = Merge(product, input, columns);
                        var changes = ProductInput.Changes(before, merged);
                        if (changes.Length == 0) { unchanged++; continue; }
                        merged.ApplyTo(product);
                        product.UpdatedUtc = now;
                        db.Entry(product).State = EntityState.Modified;
                        db.AuditEntries.Add(ProductCatalogue.Audit(now, actor, "product.import", product, changes));
                        updated++;
                    }
                    else
                    {
                        product = new Product { Name = "", Slug = "", CreatedUtc = now, UpdatedUtc = now };
                        input.ApplyTo(product);
                        db.Products.Add(product);
                        fresh.Add((product, input));
                        created++;
                    }
                }
                await db.SaveChangesAsync(ct);
                foreach (var (product, input) in fresh)
                {
                    db.AuditEntries.Add(ProductCatalogue.Audit(now, actor, "product.import", product, ProductInput.Changes(new ProductInput(), input)));
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }, ct);
        return new ImportReport(created, updated, unchanged, [], 0, null);
    }

    /// <summary>An update changes only the columns the file has: a file without `published` leaves publication alone.</summary>
    private static ProductInput Merge(Product existing, ProductInput row, HashSet<string> columns)
    {
        var merged = ProductInput.From(existing);
        if (columns.Contains("name")) merged.Name = row.Name;
        if (columns.Contains("kind")) merged.Kind = row.Kind;
        if (columns.Contains("brand")) merged.Brand = row.Brand;
        if (columns.Contains("description")) merged.Description = row.Description;
        if (columns.Contains("price")) merged.Price = row.Price;
        if (columns.Contains("currency")) merged.Currency = row.Currency;
        if (columns.Contains("needleLengthMm")) merged.NeedleLengthMm = row.NeedleLengthMm;
        if (columns.Contains("needleCount")) merged.NeedleCount = row.NeedleCount;
        if (columns.Contains("needleMaterial")) merged.NeedleMaterial = row.NeedleMaterial;
        if (columns.Contains("intendedUse")) merged.IntendedUse = row.IntendedUse;
        if (columns.Contains("singleUse")) merged.SingleUse = row.SingleUse;
        if (columns.Contains("sterile")) merged.Sterile = row.Sterile;
        if (columns.Contains("claims")) merged.Claims = row.Claims;
        if (columns.Contains("published")) merged.Published = row.Published;
        if (columns.Contains("supplier")) merged.SupplierId = row.SupplierId;
        if (columns.Contains("supplierUrl")) merged.SupplierUrl = row.SupplierUrl;
        return merged;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    private sealed class FileTooLargeException : IOException;

    /// <summary>Refuses to read past the cap, for uploads whose length was not declared.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            if (read > cap) throw new FileTooLargeException();
            return n;
        }
    }
}
