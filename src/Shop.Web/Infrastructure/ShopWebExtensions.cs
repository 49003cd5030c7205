using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Identity;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Demo;

namespace Shop.Web.Infrastructure;

public static class ShopWebExtensions
{
    public const string MerchandiserPolicy = "Merchandiser";
    public const string AdminPolicy = "Admin";

    public static WebApplicationBuilder AddShopWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ShopUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ShopDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(MerchandiserPolicy, p => p.RequireRole(Roles.Admin, Roles.Merchandiser))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Api.ApiKeys.Policy, p => p.AddAuthenticationSchemes(Api.ApiKeys.Scheme).RequireAuthenticatedUser());
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Api.ApiKeyHandler>(Api.ApiKeys.Scheme, null);
        services.AddOptions<Catalogue.CatalogueCsvOptions>().BindConfiguration("Catalogue");
        services.AddScoped<Catalogue.CatalogueCsv>();
        services.AddScoped<Catalogue.ListingRecheck>();

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", MerchandiserPolicy);
            options.Conventions.AuthorizeFolder("/Admin/Suppliers", AdminPolicy);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddScoped<Bootstrap>();
        services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        services.AddScoped<DemoSeeder>();
        services.AddHostedService<StartupTasks>();
        return builder;
    }

    public static WebApplication UseShopWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }
        // API callers get problem details, not the HTML error page.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        // Not Hangfire's local-requests-only default: admins only, wherever they connect from.
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            AppPath = "/Admin",
            DashboardTitle = "Shop jobs",
        });
        app.MapRazorPages();
        Api.ShopApi.MapShopApi(app);
        if (app.Configuration.GetValue<bool>("Demo:Enabled")) app.MapDemoSupplier();
        return app;
    }
}

internal sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(Roles.Admin);
}
