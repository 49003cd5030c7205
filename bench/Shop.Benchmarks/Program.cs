switch (args.FirstOrDefault())
{
    case "queue":
        await Shop.Benchmarks.QueueBenchmark.RunAsync();
        break;
    case "storefront":
        await Shop.Benchmarks.StorefrontBenchmark.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: Shop.Benchmarks queue|storefront");
        return 2;
}
return 0;
