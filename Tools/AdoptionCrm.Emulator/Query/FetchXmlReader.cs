using System.Globalization;
using System.Xml.Linq;
using AdoptionCrm.Emulator.Query.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Parses FetchXML (shared/reference/schemas/Fetch.xsd) into <see cref="QuerySpec"/>. Condition
/// values stay strings here; the binder converts them with the column's metadata.
/// </summary>
public static class FetchXmlReader
{
    public static QuerySpec Read(string fetchXml)
    {
        XElement fetch;
        try { fetch = XElement.Parse(fetchXml); }
        catch (System.Xml.XmlException e) { throw Invalid($"The FetchXML is not well-formed XML: {e.Message}"); }
        if (fetch.Name.LocalName != "fetch") throw Invalid("The FetchXML root element must be <fetch>.");
        var entity = fetch.Element("entity") ?? throw Invalid("The FetchXML has no <entity> element.");

        var spec = new QuerySpec
        {
            EntityName = Required(entity, "name"),
            FromFetchXml = true,
            Top = Int(fetch, "top"),
            PageSize = Int(fetch, "count") ?? 0,
            PageNumber = Int(fetch, "page") ?? 0,
            PagingCookie = (string?)fetch.Attribute("paging-cookie"),
            ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
            Distinct = Bool(fetch, "distinct"),
            Aggregate = Bool(fetch, "aggregate"),
            AggregateLimit = Int(fetch, "aggregatelimit"),
        };
        // no-lock, mapping, version, output-format and latematerialize change nothing in memory.
        var filters = ReadBody(entity, spec.Attributes, spec.Orders, spec.Links, all => spec.AllColumns = all);
        spec.Filter = filters;
        return spec;
    }

    /// <summary>Reads the children shared by entity and link-entity; returns their filters and-ed together.</summary>
    private static FilterSpec ReadBody(XElement element, List<AttributeSpec> attributes, List<OrderSpec> orders,
        List<LinkSpec> links, Action<bool> setAll)
    {
        var filter = new FilterSpec();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "all-attributes": setAll(true); break;
                case "attribute": attributes.Add(ReadAttribute(child)); break;
                case "order":
                    orders.Add(new OrderSpec
                    {
                        Attribute = (string?)child.Attribute("attribute"),
                        Alias = (string?)child.Attribute("alias"),
                        Descending = Bool(child, "descending"),
                    });
                    break;
                case "filter": filter.Filters.Add(ReadFilter(child)); break;
                case "link-entity": links.Add(ReadLink(child)); break;
            }
        }
        return filter;
    }

    private static AttributeSpec ReadAttribute(XElement element) => new()
    {
        Name = Required(element, "name"),
        Alias = (string?)element.Attribute("alias"),
        Aggregate = ReadAggregate((string?)element.Attribute("aggregate")),
        GroupBy = Bool(element, "groupby"),
        DateGrouping = ReadDateGrouping((string?)element.Attribute("dategrouping")),
        Distinct = Bool(element, "distinct"),
    };

    private static LinkSpec ReadLink(XElement element)
    {
        // In FetchXML "from" is the linked table's column and "to" the parent's.
        var link = new LinkSpec
        {
            EntityName = Required(element, "name"),
            LinkedAttribute = Required(element, "from"),
            ParentAttribute = Required(element, "to"),
            Alias = (string?)element.Attribute("alias"),
            Join = ReadJoin((string?)element.Attribute("link-type")),
        };
        link.Filter = ReadBody(element, link.Attributes, link.Orders, link.Links, all => link.AllColumns = all);
        return link;
    }

    private static FilterSpec ReadFilter(XElement element)
    {
        var type = ((string?)element.Attribute("type"))?.ToLowerInvariant() ?? "and";
        var filter = new FilterSpec
        {
            Operator = type switch
            {
                "and" => LogicalOperator.And,
                "or" => LogicalOperator.Or,
                _ => throw Invalid($"Filter type '{type}' is not valid; use 'and' or 'or'."),
            },
        };
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == "condition") filter.Conditions.Add(ReadCondition(child));
            else if (child.Name.LocalName == "filter") filter.Filters.Add(ReadFilter(child));
            else if (child.Name.LocalName == "link-entity")
                throw Faults.Create(ErrorCodes.NotEmulated, "not emulated: link-entity inside a filter (use link-type any/not any on the entity).");
        }
        return filter;
    }

    private static ConditionSpec ReadCondition(XElement element)
    {
        var operatorName = Required(element, "operator");
        var condition = new ConditionSpec
        {
            Attribute = Required(element, "attribute"),
            EntityAlias = (string?)element.Attribute("entityname"),
            Operator = FetchOperatorNames.Parse(operatorName),
            OperatorName = operatorName,
            ValueOf = (string?)element.Attribute("valueof"),
        };
        var single = element.Attribute("value");
        if (single is not null) condition.Values.Add(single.Value);
        foreach (var value in element.Elements("value")) condition.Values.Add(value.Value);
        return condition;
    }

    private static JoinOperator ReadJoin(string? linkType) => linkType?.ToLowerInvariant() switch
    {
        null or "" or "inner" => JoinOperator.Inner,
        "outer" => JoinOperator.LeftOuter,
        "any" => JoinOperator.Any,
        "not any" => JoinOperator.NotAny,
        "all" => JoinOperator.All,
        "not all" => JoinOperator.NotAll,
        "exists" => JoinOperator.Exists,
        "in" => JoinOperator.In,
        "matchfirstrowusingcrossapply" => JoinOperator.MatchFirstRowUsingCrossApply,
        _ => throw Invalid($"link-type '{linkType}' is not valid."),
    };

    private static AggregateFunction ReadAggregate(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" => AggregateFunction.None,
        "count" => AggregateFunction.Count,
        "countcolumn" => AggregateFunction.CountColumn,
        "sum" => AggregateFunction.Sum,
        "avg" => AggregateFunction.Avg,
        "min" => AggregateFunction.Min,
        "max" => AggregateFunction.Max,
        _ => throw Invalid($"Aggregate '{value}' is not supported."),
    };

    private static DateGrouping ReadDateGrouping(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" => DateGrouping.None,
        "day" => DateGrouping.Day,
        "week" => DateGrouping.Week,
        "month" => DateGrouping.Month,
        "quarter" => DateGrouping.Quarter,
        "year" => DateGrouping.Year,
        _ => throw Faults.Create(ErrorCodes.NotEmulated, $"not emulated: dategrouping '{value}' (fiscal calendars are not modelled)."),
    };

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { Length: > 0 } value
            ? value
            : throw Invalid($"<{element.Name.LocalName}> requires the '{attribute}' attribute.");

    private static int? Int(XElement element, string attribute)
    {
        var text = (string?)element.Attribute(attribute);
        if (string.IsNullOrEmpty(text)) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"'{attribute}' must be an integer, not '{text}'.");
    }

    private static bool Bool(XElement element, string attribute) =>
        ((string?)element.Attribute(attribute))?.Trim().ToLowerInvariant() is "true" or "1";

    private static Exception Invalid(string message) => Faults.Create(ErrorCodes.InvalidArgument, message);
}
