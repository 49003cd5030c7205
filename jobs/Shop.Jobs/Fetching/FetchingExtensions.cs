using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Shop.Jobs.Fetching;

public static class FetchingExtensions
{
    /// <summary>The guarded fetcher and its HttpClient (configuration section "Fetch").</summary>
    public static IServiceCollection AddGuardedFetcher(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration("Fetch");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostPacer>();
        services.TryAddSingleton<GuardedFetcher>();
        services.AddHttpClient(GuardedFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedFetcher.CreateHandler(sp.GetRequiredService<IOptions<FetchOptions>>().Value));
        return services;
    }
}
