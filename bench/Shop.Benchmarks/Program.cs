switch (args.FirstOrDefault())
{
    case "queue":
        await Shop.Benchmarks.QueueBenchmark.RunAsync();
        break;
    case "check-quick":
        await Shop.Benchmarks.CheckBenchmark.QuickAsync();
        break;
    case "check":
        Shop.Benchmarks.CheckBenchmark.Run();
        break;
    default:
        Console.Error.WriteLine("usage: Shop.Benchmarks queue|check");
        return 2;
}
return 0;
