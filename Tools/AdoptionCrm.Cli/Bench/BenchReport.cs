using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace AdoptionCrm.Cli.Bench;

/// <summary>Renders the figures: a Spectre table for people, JSON for machines.</summary>
public static class BenchReport
{
    public static void WriteTable(IAnsiConsole console, BenchEnvironment env, IReadOnlyList<BenchFigure> figures)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Benchmark").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit").AddColumn("Note");
        foreach (var f in figures)
            table.AddRow(Markup.Escape(f.Benchmark), Markup.Escape(f.Name), Format(f.Value), Markup.Escape(f.Unit), Markup.Escape(f.Note ?? ""));
        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{env.Runtime}, {env.Cores} cores, load average {env.LoadAverage} (at start), sizes: {env.Sizes}. Shared machine: figures are noisy.[/]");
    }

    public static string ToJson(BenchEnvironment env, IReadOnlyList<BenchFigure> figures) =>
        JsonSerializer.Serialize(new { environment = env, figures }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    private static string Format(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
