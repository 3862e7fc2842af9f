using System.Globalization;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Bench;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Times each step of a plan as the pipeline runs it and as bare commands, over the plan's repetitions.
/// The first repetition runs the pipeline side first (the bare side works on files it leaves); after
/// that the sides take turns going first, so neither always meets a warmer cache or a quieter machine.
/// Each side's output goes to <c>&lt;LogDir&gt;/&lt;rep&gt;-&lt;pipeline|bare&gt;-&lt;step&gt;.log</c>.
/// </summary>
public sealed class OverheadBenchmark(IProcessRunner runner)
{
    public async Task<PipelineOverhead> RunAsync(OverheadPlan plan, Action<string>? onNote = null, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.Repetitions, 1);
        Directory.CreateDirectory(plan.LogDir);
        var timer = new CommandTimer(runner);
        var pipeline = plan.Steps.Select(_ => new List<double>()).ToList();
        var bare = plan.Steps.Select(_ => new List<double>()).ToList();
        var notes = new List<string>();
        var bareDescriptions = plan.Steps.Select(_ => "").ToArray();
        for (int rep = 1; rep <= plan.Repetitions; rep++)
        {
            if (rep % 2 == 1)
            {
                await PipelineSide(rep).ConfigureAwait(false);
                await BareSide(rep).ConfigureAwait(false);
            }
            else
            {
                await BareSide(rep).ConfigureAwait(false);
                await PipelineSide(rep).ConfigureAwait(false);
            }
        }

        var steps = plan.Steps.Select((s, i) => new StepTiming(s.Name, bareDescriptions[i], pipeline[i], bare[i])).ToList();
        return new PipelineOverhead(plan.Scenario, steps) { Notes = notes };

        async Task PipelineSide(int rep)
        {
            plan.BeforePipeline(rep);
            await Side(rep, "pipeline", (s, _) => s.Pipeline, pipeline).ConfigureAwait(false);
            notes.AddRange(plan.CheckPipeline(rep));
        }

        async Task BareSide(int rep)
        {
            plan.BeforeBare(rep);
            await Side(rep, "bare", (s, i) =>
            {
                IReadOnlyList<BenchCommand> commands = s.Bare();
                bareDescriptions[i] = BareCommandPlan.Describe(commands);
                return commands;
            }, bare).ConfigureAwait(false);
        }

        async Task Side(int rep, string side, Func<OverheadStep, int, IReadOnlyList<BenchCommand>> commands, List<List<double>> samples)
        {
            for (int i = 0; i < plan.Steps.Count; i++)
            {
                OverheadStep step = plan.Steps[i];
                string log = Path.Combine(plan.LogDir, string.Create(CultureInfo.InvariantCulture, $"{rep}-{side}-{step.Name}.log"));
                File.Delete(log);
                TimeSpan took = await timer.RunAsync(commands(step, i), log, onLine, cancellationToken).ConfigureAwait(false);
                samples[i].Add(took.TotalSeconds);
                onNote?.Invoke(string.Create(CultureInfo.InvariantCulture, $"repetition {rep}/{plan.Repetitions}, {side} {step.Name}: {took.TotalSeconds:0.0} s"));
            }
        }
    }
}
