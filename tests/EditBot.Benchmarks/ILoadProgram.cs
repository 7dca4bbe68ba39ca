namespace EditBot.Benchmarks;

/// <summary>
/// A load program: a measured run that is not a BenchmarkDotNet micro-benchmark (simulations, throughput
/// against the fakes, memory with many waiting jobs). Found by reflection; run with <c>-- load NAME</c>.
/// It prints its figures as a Markdown table so they can be pasted into docs/benchmarks.md.
/// </summary>
public interface ILoadProgram
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
