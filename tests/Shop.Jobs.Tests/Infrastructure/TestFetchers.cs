using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.Jobs.Fetching;

namespace Shop.Jobs.Tests.Infrastructure;

public static class TestFetchers
{
    /// <summary>Fast limits for tests: tiny timeouts, no pacing, loopback allowed unless told otherwise.</summary>
    public static FetchOptions FastOptions(bool allowLoopback = true) => new()
    {
        AllowedPrivateHosts = allowLoopback ? ["127.0.0.1"] : [],
        MinDelayPerHostMs = 0,
        TimeoutSeconds = 1.5,
        TotalTimeoutSeconds = 8,
        MaxBytes = 1024 * 1024,
        MaxRedirects = 3,
        MaxRetries = 1,
        MaxRetryAfterSeconds = 2,
        RetryBackoffMs = 10,
    };

    public static ServiceProvider Services(FetchOptions options, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddGuardedFetcher();
        services.Configure<FetchOptions>(o => Copy(options, o));
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static void Copy(FetchOptions from, FetchOptions to)
    {
        to.AllowedPrivateHosts = [.. from.AllowedPrivateHosts];
        to.MinDelayPerHostMs = from.MinDelayPerHostMs;
        to.TimeoutSeconds = from.TimeoutSeconds;
        to.TotalTimeoutSeconds = from.TotalTimeoutSeconds;
        to.MaxBytes = from.MaxBytes;
        to.MaxRedirects = from.MaxRedirects;
        to.MaxRetries = from.MaxRetries;
        to.MaxRetryAfterSeconds = from.MaxRetryAfterSeconds;
        to.RetryBackoffMs = from.RetryBackoffMs;
        to.RobotsCacheMinutes = from.RobotsCacheMinutes;
    }
}
