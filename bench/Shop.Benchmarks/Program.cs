switch (args.FirstOrDefault())
{
    case "queue":
        await Shop.Benchmarks.QueueBenchmark.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: Shop.Benchmarks queue");
        return 2;
}
return 0;
