using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Flags;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Flags;

/// <summary>
/// The queue and detail pages over HTTP against a real SQLite file, with real antiforgery. Who is signed in comes
/// from a test header so these tests do not depend on the sign-in pages; the sign-in itself is tested there.
/// </summary>
public sealed class FlagPagesTests : IClassFixture<ShopFactory>
{
    private readonly ShopFactory factory;

    public FlagPagesTests(ShopFactory factory) => this.factory = factory;

    private HttpClient Client(string? user) => factory.Client(user);

    private async Task<(int ProductId, int FlagId)> SeedFlagAsync(Severity severity = Severity.Error)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var product = new Product
        {
            Name = "Home roller <img src=x onerror=alert(1)>", Slug = $"roller-{Guid.NewGuid():N}", Kind = ProductKind.Roller,
            Published = true, OpenFlagCount = 1, SupplierUrl = "https://supplier.example/roller",
        };
        product.Flags.Add(new Flag
        {
            Rule = "home-needle-too-long", Severity = severity, Status = FlagStatus.Open,
            Message = "Sold for home use with 1.0 mm needles.", EvidenceHash = "h1",
            Evidence = [new FlagEvidence { Text = "Needle length: 1.0 mm", From = EvidenceSource.Spec }],
            FirstSeenUtc = DateTime.UtcNow, LastSeenUtc = DateTime.UtcNow,
        });
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.PageSnapshots.Add(new PageSnapshot
        {
            ProductId = product.Id, Url = product.SupplierUrl, FetchedUtc = DateTime.UtcNow, ContentHash = "c1", FactsJson = "{}",
            ContentType = "text/html",
            CompressedBody = SnapshotText.Gzip("<html><body onload=\"x()\"><p>Needle length: 1.0 mm</p><script>alert('owned')</script></body></html>"),
        });
        await db.SaveChangesAsync();
        return (product.Id, product.Flags[0].Id);
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Theory]
    [InlineData(null)]
    [InlineData("shopper")]
    public async Task Queue_and_detail_refuse_anonymous_users_and_shoppers(string? user)
    {
        var (_, flagId) = await SeedFlagAsync();
        var client = Client(user);
        foreach (var url in new[] { "/Admin/Flags", $"/Admin/Flags/Details/{flagId}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Detail_marks_the_evidence_and_renders_supplier_markup_inert()
    {
        var (_, flagId) = await SeedFlagAsync();
        var html = await Client("merch|Merchandiser").GetStringAsync($"/Admin/Flags/Details/{flagId}");
        Assert.Contains("<mark class=\"evidence\">Needle length: 1.0 mm</mark>", html);
        Assert.DoesNotContain("alert('owned')", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public async Task Confirming_an_error_from_the_page_holds_the_product_and_redirects_with_a_status()
    {
        var (productId, flagId) = await SeedFlagAsync();
        var client = Client("merch|Merchandiser");
        var page = await client.GetStringAsync($"/Admin/Flags/Details/{flagId}");
        var version = Regex.Match(page, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync($"/Admin/Flags/Details/{flagId}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version,
            ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("is on safety hold", after);
        Assert.Contains("flag.confirm", after);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        Assert.True((await db.Products.SingleAsync(p => p.Id == productId)).OnHold);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (_, flagId) = await SeedFlagAsync();
        var client = Client("merch|Merchandiser");
        var response = await client.PostAsync($"/Admin/Flags/Details/{flagId}?handler=Confirm",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = Guid.NewGuid().ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        Assert.Equal(FlagStatus.Open, (await db.Flags.SingleAsync(f => f.Id == flagId)).Status);
    }

    [Fact]
    public async Task Dismissing_without_a_reason_shows_the_error_next_to_the_field()
    {
        var (_, flagId) = await SeedFlagAsync();
        var client = Client("merch|Merchandiser");
        var page = await client.GetStringAsync($"/Admin/Flags/Details/{flagId}");
        var version = Regex.Match(page, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync($"/Admin/Flags/Details/{flagId}?handler=Dismiss", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version, ["Reason"] = "  ", ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why this flag is dismissed.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Acting_on_a_flag_that_no_longer_exists_says_so_in_the_queue()
    {
        var (_, flagId) = await SeedFlagAsync();
        var client = Client("merch|Merchandiser");
        var page = await client.GetStringAsync($"/Admin/Flags/Details/{flagId}");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await db.Flags.Where(f => f.Id == flagId).ExecuteDeleteAsync();
        }
        var response = await client.PostAsync($"/Admin/Flags/Details/{flagId}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Flags", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Queue_lists_open_errors_grouped_by_rule()
    {
        await SeedFlagAsync();
        var html = await Client("merch|Merchandiser").GetStringAsync("/Admin/Flags?severity=error");
        Assert.Contains("home-needle-too-long", html);
        Assert.Contains("Sold for home use with 1.0 mm needles.", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task Queue_filters_by_supplier_and_first_seen_and_sorts_by_age()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new Dictionary<string, int>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var north = new Supplier { Name = $"North {tag}", BaseUrl = "https://north.example/" };
            var south = new Supplier { Name = $"South {tag}", BaseUrl = "https://south.example/" };
            db.Suppliers.AddRange(north, south);
            foreach (var (name, supplier, daysAgo) in new[] { ("fresh", north, 0), ("week", north, 5), ("old", north, 40), ("elsewhere", south, 0) })
            {
                var product = new Product { Name = $"Queue {tag} {name}", Slug = $"queue-{tag}-{name}", Kind = ProductKind.Roller, Supplier = supplier, OpenFlagCount = 1 };
                product.Flags.Add(new Flag
                {
                    Rule = "home-use-needle-too-long", Severity = Severity.Error, Status = FlagStatus.Open, Message = $"Flag {tag} {name}",
                    EvidenceHash = name, FirstSeenUtc = DateTime.UtcNow.AddDays(-daysAgo).AddMinutes(-1), LastSeenUtc = DateTime.UtcNow,
                });
                db.Products.Add(product);
                await db.SaveChangesAsync();
                ids[name] = product.Flags[0].Id;
            }
            ids["north"] = north.Id;
        }
        var merch = Client("merch|Merchandiser");
        async Task<List<int>> ListedAsync(string query)
        {
            var html = await merch.GetStringAsync($"/Admin/Flags?q={tag}&{query}");
            return Regex.Matches(html, "/Admin/Flags/Details/(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        }

        Assert.Equal([ids["fresh"], ids["week"], ids["old"]], await ListedAsync($"supplier={ids["north"]}&sort=newest"));
        Assert.Equal([ids["old"], ids["week"], ids["fresh"]], await ListedAsync($"supplier={ids["north"]}&sort=oldest"));
        Assert.Equal([ids["fresh"], ids["week"]], await ListedAsync($"supplier={ids["north"]}&seen=7d&sort=newest"));
        Assert.Equal([ids["elsewhere"], ids["fresh"]], await ListedAsync("seen=1d&sort=product"));
        var page = await merch.GetStringAsync($"/Admin/Flags?q={tag}&supplier={ids["north"]}&seen=30d");
        Assert.Contains($"<option value=\"{ids["north"]}\" selected=\"selected\">North {tag}</option>", page);
    }

    [Fact]
    public async Task Queue_search_matches_product_names_and_messages_in_any_case()
    {
        var (_, flagId) = await SeedFlagAsync();
        var merch = Client("merch|Merchandiser");
        foreach (var q in new[] { "HOME%20ROLLER", "sold%20for%20HOME" })
        {
            Assert.Contains($"/Admin/Flags/Details/{flagId}\"", await merch.GetStringAsync($"/Admin/Flags?q={q}"));
        }
        Assert.DoesNotContain($"/Admin/Flags/Details/{flagId}\"", await merch.GetStringAsync("/Admin/Flags?q=home_roller"));
    }

    [Fact]
    public async Task Bulk_snooze_applies_to_every_ticked_flag_and_reports_the_count()
    {
        var (_, first) = await SeedFlagAsync(Severity.Warning);
        var (_, second) = await SeedFlagAsync(Severity.Warning);
        var client = Client("merch|Merchandiser");
        var page = await client.GetStringAsync("/Admin/Flags?status=open&severity=warning");
        var ticks = Regex.Matches(page, "name=\"selected\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(v => v.StartsWith($"{first}:") || v.StartsWith($"{second}:")).ToList();
        Assert.Equal(2, ticks.Count);
        var form = ticks.Select(t => new KeyValuePair<string, string>("selected", t)).Concat(new Dictionary<string, string>
        {
            ["bulkAction"] = "snooze", ["until"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
            ["__RequestVerificationToken"] = Token(page),
        });
        var response = await client.PostAsync("/Admin/Flags?handler=Bulk", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2 flag(s) snoozed.", await client.GetStringAsync(response.Headers.Location!.ToString()));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        Assert.Equal(2, await db.Flags.CountAsync(f => (f.Id == first || f.Id == second) && f.Status == FlagStatus.Snoozed));
    }

    [Fact]
    public async Task Dashboard_is_for_admins_only_and_counts_open_flags_by_rule()
    {
        await SeedFlagAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("merch|Merchandiser").GetAsync("/Admin/Dashboard")).StatusCode);
        var html = await Client("admin|Admin").GetStringAsync("/Admin/Dashboard");
        Assert.Contains("home-needle-too-long", html);
        Assert.Contains("opened", html);
        Assert.Contains("<svg", html);
    }

    [Fact]
    public async Task Only_an_admin_can_release_a_hold_and_must_say_why()
    {
        var (productId, flagId) = await SeedFlagAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(p => p.OnHold, true).SetProperty(p => p.HoldReason, "test"));
        }
        var admin = Client("admin|Admin");
        async Task<HttpResponseMessage> ReleaseAs(string user, string reason)
        {
            var client = user.EndsWith("|Admin") ? admin : Client(user);
            var page = await client.GetStringAsync($"/Admin/Flags/Details/{flagId}");
            return await client.PostAsync($"/Admin/Flags/Details/{flagId}?handler=ReleaseHold", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Reason"] = reason, ["__RequestVerificationToken"] = Token(page),
            }));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await ReleaseAs("merch|Merchandiser", "looks fine")).StatusCode);
        var withoutReason = await ReleaseAs("admin|Admin", " ");
        Assert.Equal(HttpStatusCode.Redirect, withoutReason.StatusCode);
        Assert.Contains("Say why the hold is released.", await admin.GetStringAsync(withoutReason.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseAs("admin|Admin", "Supplier relabelled it")).StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var product = await check.ServiceProvider.GetRequiredService<ShopDbContext>().Products.SingleAsync(p => p.Id == productId);
        Assert.False(product.OnHold);
    }
}
