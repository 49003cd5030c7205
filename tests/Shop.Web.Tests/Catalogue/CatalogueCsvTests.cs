using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Catalogue;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Catalogue;

/// <summary>CSV export and import through the admin pages: round trip, and every broken file reported without a write.</summary>
public sealed class CatalogueCsvTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private const string Merch = "merch@shop.test|Merchandiser";
    private const string Header = "slug,name,kind,brand,description,price,currency,needleLengthMm,needleCount,needleMaterial,intendedUse,singleUse,sterile,claims,published,supplier,supplierUrl";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, HttpContent file, string fileName = "catalogue.csv")
    {
        var page = await client.GetPageAsync("/Admin/Products/Import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
            { file, "file", fileName },
        };
        return await client.PostAsync("/Admin/Products/Import", form);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv) =>
        UploadAsync(client, new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));

    private static async Task<(string Problem, IReadOnlyList<string> Rows)> ReportOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Nothing was imported", page.QuerySelector("#report-heading")?.TextContent);
        return (page.QuerySelector(".import-report [role=alert]")!.TextContent,
            page.QuerySelectorAll(".import-report tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList());
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_catalogue()
    {
        var supplierName = $"Roller Works {Guid.NewGuid():N}"[..24];
        await factory.WithDbAsync(async db =>
        {
            var supplier = new Supplier { Name = supplierName, BaseUrl = "https://rollerworks.example" };
            db.Suppliers.Add(supplier);
            db.Products.Add(new Product
            {
                Name = "Titanium roller, 0.25 mm \"home\"", Slug = $"rt-{Guid.NewGuid():N}", Kind = ProductKind.Roller, Brand = "Dermaline",
                Description = "Line one, with a comma.\nLine two; \"quoted\".", Price = 19.90m, Currency = "EUR", NeedleLengthMm = 0.25,
                NeedleCount = 540, NeedleMaterial = NeedleMaterial.Titanium, IntendedUse = IntendedUse.Home, SingleUse = false, Sterile = true,
                Claims = [Claim.Absorption, Claim.CollagenInduction], Published = true, Supplier = supplier,
                SupplierUrl = "https://rollerworks.example/p/titanium-025",
            });
            db.Products.Add(new Product { Name = "Crème hydratante à l'aloe", Slug = $"rt-{Guid.NewGuid():N}", Kind = ProductKind.Moisturiser, Price = 0m });
            db.Products.Add(new Product { Name = "Microneedle patch", Slug = $"rt-{Guid.NewGuid():N}", Kind = ProductKind.Patch, Price = 12m,
                NeedleMaterial = NeedleMaterial.Dissolving, SingleUse = true, NeedleLengthMm = 0.5 });
            return await db.SaveChangesAsync();
        });
        var exported = await factory.Client(Merch).GetAsync("/Admin/Products?handler=Export");
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        var csv = await exported.Content.ReadAsStringAsync();
        Assert.StartsWith(Header + "\r\n", csv);

        await using var empty = new ShopFactory();
        var suppliers = await factory.WithDbAsync(db => db.Suppliers.AsNoTracking().ToListAsync());
        await empty.WithDbAsync(async db =>
        {
            db.Suppliers.AddRange(suppliers.Select(s => new Supplier { Name = s.Name, BaseUrl = s.BaseUrl }));
            return await db.SaveChangesAsync();
        });
        var client = empty.Client(Merch);
        var import = await UploadAsync(client, csv);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        var products = await factory.WithDbAsync(db => db.Products.CountAsync());
        Assert.Contains($"{products} created, 0 updated", (await client.GetPageAsync("/Admin/Products")).QuerySelector("[role=status]")!.TextContent);

        var again = await (await client.GetAsync("/Admin/Products?handler=Export")).Content.ReadAsStringAsync();
        Assert.Equal(csv, again);
        Assert.Equal(products, await empty.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "product.import")));

        // Importing the same file again changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, again)).StatusCode);
        Assert.Contains($"0 created, 0 updated, {products} unchanged", (await client.GetPageAsync("/Admin/Products")).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_field_and_no_row_of_the_file_is_written()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            slug,name,kind,price,needleLengthMm,supplierUrl,published
            good-{tag},Good roller,roller,10.00,0.25,https://s.example/good,yes
            comma-{tag},Comma price,roller,"12,50",0.25,,no
            long-{tag},Too long,pen,99,7,,no
            wand-{tag},Wand,magic-wand,5,,,no
            neg-{tag},Negative,stamp,-3,,ftp://s.example/x,maybe
            good-{tag},Repeated slug,roller,10,,,no
            """;
        var (problem, rows) = await ReportOf(await UploadAsync(factory.Client(Merch), csv));
        Assert.Contains("problem(s) in the file", problem);
        Assert.Contains("3|price|'12,50' is not a number (use a dot for decimals, no thousands separator).", rows);
        Assert.Contains("4|needleLengthMm|The needle length must be above 0 and at most 5 mm.", rows);
        Assert.Contains(rows, r => r.StartsWith("5|kind|Unknown kind 'magic-wand'"));
        Assert.Contains("6|price|The price cannot be negative.", rows);
        Assert.Contains("6|supplierUrl|The supplier URL must be an absolute http:// or https:// address.", rows);
        Assert.Contains("6|published|'maybe' is not yes or no.", rows);
        Assert.Contains($"7|slug|The slug 'good-{tag}' is already on line 2 of this file.", rows);
        Assert.False(await factory.WithDbAsync(db => db.Products.AnyAsync(p => p.Slug.EndsWith(tag))));
    }

    [Fact]
    public async Task An_update_changes_only_the_columns_the_file_has()
    {
        var slug = $"partial-{Guid.NewGuid():N}";
        await factory.WithDbAsync(async db =>
        {
            db.Products.Add(new Product { Name = "Partial roller", Slug = slug, Kind = ProductKind.Roller, Price = 10m, Published = true,
                NeedleLengthMm = 0.25, Brand = "Keep" });
            return await db.SaveChangesAsync();
        });
        var client = factory.Client(Merch);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, $"slug,name,kind,price\n{slug},Partial roller,roller,12.00\n")).StatusCode);
        var product = await factory.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Slug == slug));
        Assert.Equal(12m, product.Price);
        Assert.True(product.Published);
        Assert.Equal("Keep", product.Brand);
        Assert.Equal(0.25, product.NeedleLengthMm);
        Assert.Contains("price: 10.00 → 12.00", await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ProductId == product.Id).Select(a => a.Details).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_columns_are_named_and_nothing_is_read()
    {
        var (problem, rows) = await ReportOf(await UploadAsync(factory.Client(Merch), "title,kind,cost\nRoller,roller,10\n"));
        Assert.Contains("missing column(s) name, price", problem);
        Assert.Contains("unknown column(s) title, cost", problem);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_a_clear_message()
    {
        var latin1 = Encoding.Latin1.GetBytes($"name,kind,price\nGood,roller,1\nCrème hydratante,moisturiser,9\n");
        var (problem, _) = await ReportOf(await UploadAsync(factory.Client(Merch), new ByteArrayContent(latin1)));
        Assert.Contains("The file is not UTF-8 text", problem);
        Assert.False(await factory.WithDbAsync(db => db.Products.AnyAsync(p => p.Name == "Good")));
    }

    [Fact]
    public async Task A_row_with_too_many_fields_is_reported()
    {
        var (_, rows) = await ReportOf(await UploadAsync(factory.Client(Merch), "name,kind,price\nRoller,roller,1,extra\n"));
        Assert.Contains("2|row|The row has 4 fields; the header has 3.", rows);
    }

    [Fact]
    public async Task A_100_MB_upload_is_refused_with_the_size_and_the_limit()
    {
        var response = await UploadAsync(factory.Client(Merch), new GeneratedCsv(100L * 1024 * 1024), "huge.csv");
        var (problem, _) = await ReportOf(response);
        Assert.Contains("The file is 100 MB; the import takes files up to 20 MB", problem);
    }

    [Fact]
    public async Task A_stream_without_a_declared_length_is_cut_at_the_cap_without_being_read_whole()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var csv = new CatalogueCsv(scope.ServiceProvider.GetRequiredService<ShopDbContext>(), scope.ServiceProvider.GetRequiredService<ProductCatalogue>(),
            TimeProvider.System, Options.Create(new CatalogueCsvOptions { ImportMaxBytes = 64 * 1024 }));
        var report = await csv.ImportAsync(new GeneratedStream(10L * 1024 * 1024), length: null, "test", CancellationToken.None);
        Assert.False(report.Succeeded);
        Assert.Contains("larger than 0.1 MB", report.FileError);
    }

    /// <summary>A valid CSV of the given size, produced as it is sent: the test never holds it in memory.</summary>
    private sealed class GeneratedCsv(long size) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            new GeneratedStream(size).CopyToAsync(stream, 81920);

        protected override bool TryComputeLength(out long length)
        {
            length = size;
            return true;
        }
    }

    private sealed class GeneratedStream(long size) : Stream
    {
        private static readonly byte[] Header = Encoding.UTF8.GetBytes("name,kind,price\n");
        private static readonly byte[] Row = Encoding.UTF8.GetBytes("Generated roller with a long enough name to fill the line,roller,10.00\n");
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && position < size)
            {
                buffer[offset + n++] = position < Header.Length ? Header[position] : Row[(position - Header.Length) % Row.Length];
                position++;
            }
            return n;
        }
    }
}
