using System.Net;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Account;

public sealed class UsersPageTests : IDisposable
{
    private readonly IdentityShopFactory shop = new();

    public void Dispose() => shop.Dispose();

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = shop.Browser();
        var page = await client.GetDocumentAsync("/Account/Login");
        var response = await client.SubmitFormAsync(page, "/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task Admin_creates_a_merchandiser_who_can_sign_in_and_a_weak_password_is_refused_next_to_the_field()
    {
        await shop.CreateUserAsync("boss@example.com", "Correct-Horse-42", Roles.Admin);
        var admin = await SignedInAsync("boss@example.com", "Correct-Horse-42");

        var page = await admin.GetDocumentAsync("/Admin/Users");
        var weak = await Html.ParseAsync(await admin.SubmitFormAsync(page, "/Admin/Users?handler=Create",
            new() { ["Input.Email"] = "new@example.com", ["Input.Password"] = "short", ["Input.Role"] = Roles.Merchandiser },
            "form[action*='handler=Create']"));
        Assert.Contains("at least 12 characters", weak.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);

        page = await admin.GetDocumentAsync("/Admin/Users");
        var created = await admin.SubmitFormAsync(page, "/Admin/Users?handler=Create",
            new() { ["Input.Email"] = "new@example.com", ["Input.Password"] = "Another-Good-Pass-7", ["Input.Role"] = Roles.Merchandiser },
            "form[action*='handler=Create']");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("new@example.com can now sign in as Merchandiser.", (await admin.GetDocumentAsync("/Admin/Users")).QuerySelector("[role=status]")!.TextContent);

        var merch = await SignedInAsync("new@example.com", "Another-Good-Pass-7");
        Assert.Equal(HttpStatusCode.OK, (await merch.GetAsync("/Admin/Flags")).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_an_admin_unlocks_it()
    {
        await shop.CreateUserAsync("boss2@example.com", "Correct-Horse-42", Roles.Admin);
        var merchUser = await shop.CreateUserAsync("worker@example.com", "Correct-Horse-42", Roles.Merchandiser);
        var admin = await SignedInAsync("boss2@example.com", "Correct-Horse-42");

        var page = await admin.GetDocumentAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, "", [], $"form[action*='handler=Lock'][action*='{merchUser.Id}']")).StatusCode);

        var client = shop.Browser();
        var login = await client.GetDocumentAsync("/Account/Login");
        var refused = await Html.ParseAsync(await client.SubmitFormAsync(login, "/Account/Login", new() { ["Email"] = "worker@example.com", ["Password"] = "Correct-Horse-42" }));
        Assert.Contains("locked", refused.QuerySelector("[role=alert]")!.TextContent);

        page = await admin.GetDocumentAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, "", [], $"form[action*='handler=Unlock'][action*='{merchUser.Id}']")).StatusCode);
        await SignedInAsync("worker@example.com", "Correct-Horse-42");
    }
}
