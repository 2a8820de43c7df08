using AdoptionCrm.Emulator.Query.Model;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// A query's shape: everything binding reads (tables, columns, aliases, joins, orders, and each condition's table,
/// column, operator and valueof) and nothing it does not (condition values, top, paging). Two queries of the same
/// shape bind to the same tables and columns. One walk feeds a sink that hashes, records or compares the shape, so
/// the three can never disagree about what it holds; counts are written before each list, so no sequence of names
/// can pass for a different structure.
/// </summary>
internal static class QueryShape
{
    public static int Hash(QuerySpec spec)
    {
        var sink = new HashSink();
        Walk(spec, ref sink);
        return sink.Hash.ToHashCode();
    }

    public static Recorded Record(QuerySpec spec)
    {
        var sink = new RecordSink { Names = new List<string?>(), Numbers = new List<int>() };
        Walk(spec, ref sink);
        return new Recorded(sink.Names.ToArray(), sink.Numbers.ToArray());
    }

    public static bool Matches(QuerySpec spec, Recorded shape)
    {
        var sink = new CompareSink { Shape = shape, Same = true };
        Walk(spec, ref sink);
        return sink.Same && sink.Name == shape.Names.Length && sink.Number == shape.Numbers.Length;
    }

    /// <summary>A shape as recorded: its names and its numbers, in walk order.</summary>
    public sealed record Recorded(string?[] Names, int[] Numbers);

    private interface ISink
    {
        void Name(string? name);
        void Number(int number);
    }

    private static void Walk<T>(QuerySpec spec, ref T sink) where T : struct, ISink
    {
        sink.Name(spec.EntityName);
        sink.Number((spec.AllColumns ? 1 : 0) | (spec.Aggregate ? 2 : 0) | (spec.Distinct ? 4 : 0));
        Attributes(spec.Attributes, ref sink);
        Filter(spec.Filter, ref sink);
        Orders(spec.Orders, ref sink);
        Links(spec.Links, ref sink);
    }

    private static void Links<T>(List<LinkSpec> links, ref T sink) where T : struct, ISink
    {
        sink.Number(links.Count);
        foreach (var link in links)
        {
            sink.Name(link.EntityName);
            sink.Name(link.ParentAttribute);
            sink.Name(link.LinkedAttribute);
            sink.Name(link.Alias);
            sink.Number((int)link.Join);
            sink.Number(link.AllColumns ? 1 : 0);
            Attributes(link.Attributes, ref sink);
            Filter(link.Filter, ref sink);
            Orders(link.Orders, ref sink);
            Links(link.Links, ref sink);
        }
    }

    private static void Attributes<T>(List<AttributeSpec> attributes, ref T sink) where T : struct, ISink
    {
        sink.Number(attributes.Count);
        foreach (var attribute in attributes)
        {
            sink.Name(attribute.Name);
            sink.Name(attribute.Alias);
            sink.Number((int)attribute.Aggregate);
            sink.Number((int)attribute.DateGrouping);
            sink.Number((attribute.GroupBy ? 1 : 0) | (attribute.Distinct ? 2 : 0));
        }
    }

    private static void Filter<T>(FilterSpec filter, ref T sink) where T : struct, ISink
    {
        sink.Number((int)filter.Operator);
        sink.Number(filter.Conditions.Count);
        foreach (var condition in filter.Conditions)
        {
            sink.Name(condition.EntityAlias);
            sink.Name(condition.Attribute);
            sink.Number((int)condition.Operator);
            sink.Name(condition.OperatorName);
            sink.Name(condition.ValueOf);
        }
        sink.Number(filter.Filters.Count);
        foreach (var child in filter.Filters) Filter(child, ref sink);
    }

    private static void Orders<T>(List<OrderSpec> orders, ref T sink) where T : struct, ISink
    {
        sink.Number(orders.Count);
        foreach (var order in orders)
        {
            sink.Name(order.Attribute);
            sink.Name(order.Alias);
            sink.Number(order.Descending ? 1 : 0);
        }
    }

    private struct HashSink : ISink
    {
        public HashCode Hash;
        public void Name(string? name) => Hash.Add(name, StringComparer.Ordinal);
        public void Number(int number) => Hash.Add(number);
    }

    private struct RecordSink : ISink
    {
        public List<string?> Names;
        public List<int> Numbers;
        public void Name(string? name) => Names.Add(name);
        public void Number(int number) => Numbers.Add(number);
    }

    private struct CompareSink : ISink
    {
        public Recorded Shape;
        public bool Same;
        public int Name;
        public int Number;

        void ISink.Name(string? name)
        {
            if (Same && (Name >= Shape.Names.Length || !string.Equals(Shape.Names[Name], name, StringComparison.Ordinal))) Same = false;
            Name++;
        }

        void ISink.Number(int number)
        {
            if (Same && (Number >= Shape.Numbers.Length || Shape.Numbers[Number] != number)) Same = false;
            Number++;
        }
    }
}
