using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Shop.E2E.Tests.Infrastructure;

namespace Shop.E2E.Tests.Flows;

/// <summary>The app with its real sign-in: Identity's cookie, the first admin from the bootstrap settings.</summary>
public sealed class SignInShop : LiveShop
{
    public const string AdminEmail = "owner@example.com";
    public const string AdminPassword = "First-Start-Secret-2026";

    protected override bool UsesStaffHeader => false;

    protected override void ConfigureShop(IWebHostBuilder builder)
    {
        builder.UseSetting("SHOP_BOOTSTRAP_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("SHOP_BOOTSTRAP_ADMIN_PASSWORD", AdminPassword);
    }
}

public sealed class SignInFlowTests(SignInShop shop) : IClassFixture<SignInShop>
{
    [Fact]
    public async Task The_first_admin_signs_in_changes_the_password_signs_out_and_signs_in_with_the_new_one()
    {
        await using var context = await shop.NewContextAsync(staff: null);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Admin/Flags");
        await SignInAsync(page, SignInShop.AdminEmail, "a wrong password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Email or password is wrong.");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("sign-in.png") });

        await page.GetByLabel("Password").FillAsync(SignInShop.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Flags$"));
        await Assertions.Expect(page.Locator(".nav-user")).ToContainTextAsync(SignInShop.AdminEmail);

        await page.Locator(".nav-user").GetByRole(AriaRole.Link, new() { Name = "Password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password" })).ToBeVisibleAsync();
        await page.GetByLabel("Current password").FillAsync(SignInShop.AdminPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Second-Secret-Of-2026");
        await page.GetByLabel("Repeat the new password").FillAsync("Second-Secret-Of-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password has been changed.");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("change-password.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nav-user")).ToContainTextAsync("Staff sign in");
        await page.GotoAsync("/Admin/Dashboard");
        await SignInAsync(page, SignInShop.AdminEmail, SignInShop.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Email or password is wrong.");
        await page.GetByLabel("Password").FillAsync("Second-Secret-Of-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Dashboard$"));
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign in" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_merchandiser_who_signs_in_and_confirms_a_flag_from_the_queue()
    {
        var (productId, _) = await shop.SeedFlaggedRollerAsync("Signed-in Roller 1.0");

        await using (var adminContext = await shop.NewContextAsync(staff: null))
        {
            var admin = await adminContext.NewPageAsync();
            await admin.GotoAsync("/Admin/Users");
            await SignInAsync(admin, SignInShop.AdminEmail, SignInShop.AdminPassword);
            await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Users$"));
            await admin.GetByLabel("Email").FillAsync("merch@e2e.example");
            await admin.GetByLabel("Password (at least 12").FillAsync("Merch-Password-2026!");
            await admin.GetByLabel("Role").SelectOptionAsync("Merchandiser");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
            await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("merch@e2e.example");
        }

        await using var merchContext = await shop.NewContextAsync(staff: null);
        var page = await merchContext.NewPageAsync();
        await page.GotoAsync("/Admin/Flags");
        await SignInAsync(page, "merch@e2e.example", "Merch-Password-2026!");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review queue" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Signed-in Roller 1.0 is sold for home use" }).ClickAsync();
        await Assertions.Expect(page.Locator(".snapshot-text mark.evidence")).ToHaveTextAsync("Needle length: 1.0 mm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and hold the product" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is on safety hold");
        await Assertions.Expect(page.Locator("section[aria-labelledby='history-heading'] table")).ToContainTextAsync("merch@e2e.example");

        // A merchandiser is not an admin: the users page and the jobs dashboard stay closed.
        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Access denied");
        var jobs = await page.APIRequest.GetAsync("/admin/jobs");
        Assert.Equal(403, jobs.Status);
        Assert.True(await shop.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.OnHold).SingleAsync()));
    }
}
