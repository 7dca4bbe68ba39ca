using System.Reflection;
using BenchmarkDotNet.Running;
using EditBot.Benchmarks;

// Usage: dotnet run -c Release --project tests/EditBot.Benchmarks -- load            (list load programs)
//        dotnet run -c Release --project tests/EditBot.Benchmarks -- load NAME [args]
//        dotnet run -c Release --project tests/EditBot.Benchmarks -- --filter '*'     (BenchmarkDotNet)
var loads = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(ILoadProgram).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (ILoadProgram)Activator.CreateInstance(t)!)
    .OrderBy(l => l.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length > 0 && args[0] == "load")
{
    var load = args.Length > 1 ? loads.FirstOrDefault(l => l.Name == args[1]) : null;
    if (load is null)
    {
        foreach (var l in loads)
        {
            Console.WriteLine($"{l.Name,-24} {l.Description}");
        }

        return args.Length > 1 ? 2 : 0;
    }

    return await load.RunAsync(args[2..], CancellationToken.None);
}

BenchmarkSwitcher.FromAssembly(typeof(ILoadProgram).Assembly).Run(args);
return 0;
