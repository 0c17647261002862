using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Data.Security;

namespace Zaiko.Web.Security;

/// <summary>
/// Sign-in for the console: a cookie that lives an hour and slides, checked against the account on every request;
/// every page and endpoint needs a signed-in user unless it says otherwise, and a folder or endpoint may ask for a
/// role. A signed-in user without the role gets 403 (a page saying so), not a redirect to sign-in.
/// </summary>
public static class SecurityExtensions
{
    public const string AdminPolicy = "Admin";
    public const string StaffPolicy = "Staff";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddZaikoSecurity(this IServiceCollection services)
    {
        services.AddSingleton<AccountService>();
        services.AddSingleton<SessionValidator>();
        services.AddHostedService<FirstAdminSetup>();

        // Keys in PostgreSQL: cookies survive restarts and any web process reads what another issued.
        services.AddDataProtection().SetApplicationName("Zaiko");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(provider.GetRequiredService<DataProtectionKeyStore>())));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "zaiko.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/account/signin";
                options.LogoutPath = "/account/signout";
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToLogin = context =>
                {
                    // Scripts asking for JSON get a status they can act on, not a sign-in page.
                    if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }

                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(UserRoles.Admin))
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(UserRoles.Admin, UserRoles.Staff));
        return services;
    }

    /// <summary>Headers first, so even refusals carry them; the audit sees who asked, after authentication.</summary>
    public static WebApplication UseZaikoSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AuditMiddleware>();
        return app;
    }
}
