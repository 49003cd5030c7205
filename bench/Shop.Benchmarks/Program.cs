switch (args.FirstOrDefault())
{
    case "queue":
        await Shop.Benchmarks.QueueBenchmark.RunAsync();
        break;
    case "products":
        await Shop.Benchmarks.ProductsBenchmark.RunAsync();
        break;
    case "check-quick":
        await Shop.Benchmarks.CheckBenchmark.QuickAsync();
        break;
    case "check-phases":
        await Shop.Benchmarks.CheckBenchmark.PhasesAsync();
        break;
    case "check-loop":
        await Shop.Benchmarks.CheckBenchmark.LoopAsync(args.Length > 1 ? int.Parse(args[1]) : 20);
        break;
    case "check":
        Shop.Benchmarks.CheckBenchmark.Run();
        break;
    case "scan":
        await Shop.Benchmarks.ScanBenchmark.RunAsync(
            args.Length > 1 ? int.Parse(args[1]) : 2000, args.Length > 2 ? int.Parse(args[2]) : 8);
        break;
    case "storefront":
        await Shop.Benchmarks.StorefrontBenchmark.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: Shop.Benchmarks queue | products | check | check-quick | check-phases | check-loop [seconds] | scan [pages] [workers] | storefront");
        return 2;
}
return 0;
