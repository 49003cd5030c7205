switch (args.FirstOrDefault())
{
    case "queue":
        await Shop.Benchmarks.QueueBenchmark.RunAsync();
        break;
    case "products":
        await Shop.Benchmarks.ProductsBenchmark.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: Shop.Benchmarks queue|products");
        return 2;
}
return 0;
