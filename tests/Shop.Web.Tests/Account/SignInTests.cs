using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Account;

// Its admin opens the Hangfire dashboard, which reads the storage a parallel host may have disposed (see HangfireCollection).
[Collection(Shop.Web.Tests.Scans.HangfireCollection.Name)]
public sealed class SignInTests : IClassFixture<SignInTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public IdentityShopFactory Shop { get; } = new();
        public void Dispose() => Shop.Dispose();
    }

    private readonly IdentityShopFactory shop;

    public SignInTests(Fixture fixture) => shop = fixture.Shop;

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string returnUrl = "")
    {
        var url = "/Account/Login" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : "");
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(page, url, new() { ["Email"] = email, ["Password"] = password });
    }

    [Fact]
    public async Task Merchandiser_signs_in_reaches_the_queue_and_signs_out_with_a_post()
    {
        await shop.CreateUserAsync("merch1@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var client = shop.Browser();

        var signIn = await SignInAsync(client, "merch1@example.com", "Correct-Horse-42", "/Admin/Flags");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Admin/Flags", signIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Flags")).StatusCode);

        var home = await client.GetDocumentAsync("/");
        Assert.Contains("merch1@example.com", home.QuerySelector(".nav-user")!.TextContent);
        var signOut = await client.SubmitFormAsync(home, "/", [], "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterwards = await client.GetAsync("/Admin/Flags");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", afterwards.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        await shop.CreateUserAsync("merch2@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var client = shop.Browser();
        await SignInAsync(client, "merch2@example.com", "Correct-Horse-42");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Flags")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_says_so_without_revealing_whether_the_account_exists()
    {
        await shop.CreateUserAsync("merch3@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var client = shop.Browser();
        var wrong = await Html.ParseAsync(await SignInAsync(client, "merch3@example.com", "not-the-password"));
        var unknown = await Html.ParseAsync(await SignInAsync(client, "nobody@example.com", "not-the-password"));
        Assert.Equal("Email or password is wrong.", wrong.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal("Email or password is wrong.", unknown.QuerySelector("[role=alert]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await shop.CreateUserAsync("merch4@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var client = shop.Browser();
        for (var i = 0; i < 5; i++) await SignInAsync(client, "merch4@example.com", $"wrong-{i}");

        var response = await SignInAsync(client, "merch4@example.com", "Correct-Horse-42");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("locked after too many wrong passwords", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Admin/Flags")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        await shop.CreateUserAsync("merch5@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var response = await SignInAsync(shop.Browser(), "merch5@example.com", "Correct-Horse-42", "https://evil.example/");
        Assert.Equal("/Admin", response.Headers.Location!.ToString());
    }

    private IEnumerable<string> AdminPageUrls()
    {
        var endpoints = shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText!.StartsWith("Admin", StringComparison.OrdinalIgnoreCase))
            .Select(p => "/" + string.Join("/", p.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1",
                _ => "",
            })))).TrimEnd('/'))
            .Distinct();
    }

    [Fact]
    public async Task Every_admin_page_sends_anonymous_users_to_sign_in_and_refuses_shoppers()
    {
        var urls = AdminPageUrls().ToList();
        Assert.Contains("/Admin/Flags", urls);
        Assert.Contains("/Admin/Index", urls);

        await shop.CreateUserAsync("shopper@example.com", "Correct-Horse-42");
        var shopper = shop.Browser();
        await SignInAsync(shopper, "shopper@example.com", "Correct-Horse-42");
        var anonymous = shop.Browser();
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Account/Login", $"anonymous {url}: {response.StatusCode}");
            var refused = await shopper.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.AbsolutePath == "/Account/AccessDenied", $"shopper {url}: {refused.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task Merchandisers_are_refused_the_admin_only_pages_and_admins_reach_them()
    {
        await shop.CreateUserAsync("merch6@example.com", "Correct-Horse-42", Roles.Merchandiser);
        await shop.CreateUserAsync("admin6@example.com", "Correct-Horse-42", Roles.Admin);
        var merch = shop.Browser();
        await SignInAsync(merch, "merch6@example.com", "Correct-Horse-42");
        var admin = shop.Browser();
        await SignInAsync(admin, "admin6@example.com", "Correct-Horse-42");

        foreach (var url in new[] { "/Admin/Dashboard", "/Admin/Users" })
        {
            var refused = await merch.GetAsync(url);
            Assert.Equal("/Account/AccessDenied", refused.Headers.Location?.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await merch.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/jobs")).StatusCode);
        var landing = await merch.GetDocumentAsync("/Admin");
        Assert.NotNull(landing.QuerySelector("a[href='/Admin/Flags']"));
        Assert.Null(landing.QuerySelector("a[href='/Admin/Users']"));
    }
    [Fact]
    public async Task A_signed_in_user_changes_their_password_and_only_the_new_one_works_afterwards()
    {
        await shop.CreateUserAsync("merch7@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var client = shop.Browser();
        await SignInAsync(client, "merch7@example.com", "Correct-Horse-42");
        var page = await client.GetDocumentAsync("/Account/Password");

        var wrongCurrent = await Html.ParseAsync(await client.SubmitFormAsync(page, "/Account/Password", new()
        {
            ["CurrentPassword"] = "not-my-password", ["NewPassword"] = "Battery-Staple-2026", ["ConfirmPassword"] = "Battery-Staple-2026",
        }));
        Assert.Equal("The current password is wrong.", wrongCurrent.QuerySelector("[data-valmsg-for='CurrentPassword']")!.TextContent.Trim());
        var tooShort = await Html.ParseAsync(await client.SubmitFormAsync(page, "/Account/Password", new()
        {
            ["CurrentPassword"] = "Correct-Horse-42", ["NewPassword"] = "Short-1", ["ConfirmPassword"] = "Short-1",
        }));
        Assert.Contains("at least 12", tooShort.QuerySelector("[data-valmsg-for='NewPassword']")!.TextContent);
        var differ = await Html.ParseAsync(await client.SubmitFormAsync(page, "/Account/Password", new()
        {
            ["CurrentPassword"] = "Correct-Horse-42", ["NewPassword"] = "Battery-Staple-2026", ["ConfirmPassword"] = "Battery-Staple-2027",
        }));
        Assert.Equal("The two new passwords differ.", differ.QuerySelector("[data-valmsg-for='ConfirmPassword']")!.TextContent.Trim());

        var changed = await client.SubmitFormAsync(page, "/Account/Password", new()
        {
            ["CurrentPassword"] = "Correct-Horse-42", ["NewPassword"] = "Battery-Staple-2026", ["ConfirmPassword"] = "Battery-Staple-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await client.GetDocumentAsync("/Account/Password");
        Assert.Equal("Your password has been changed.", after.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Flags")).StatusCode);

        var old = await SignInAsync(shop.Browser(), "merch7@example.com", "Correct-Horse-42");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await SignInAsync(shop.Browser(), "merch7@example.com", "Battery-Staple-2026");
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task The_password_page_needs_a_signed_in_user_and_its_token()
    {
        var anonymous = await shop.Browser().GetAsync("/Account/Password");
        Assert.Equal("/Account/Login", anonymous.Headers.Location?.AbsolutePath);

        await shop.CreateUserAsync("merch8@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var client = shop.Browser();
        await SignInAsync(client, "merch8@example.com", "Correct-Horse-42");
        var forged = await client.PostAsync("/Account/Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Correct-Horse-42", ["NewPassword"] = "Battery-Staple-2026", ["ConfirmPassword"] = "Battery-Staple-2026",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(shop.Browser(), "merch8@example.com", "Correct-Horse-42")).StatusCode);
    }
}
