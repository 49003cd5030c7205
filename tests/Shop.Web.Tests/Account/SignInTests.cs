using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Account;

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
}
