using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Turns a parsed $filter into a QueryExpression FilterExpression for the table. QueryExpression has
/// no NOT, so negations are pushed down to the leaves (De Morgan; eq↔ne, gt↔le, ge↔lt, null↔not
/// null, like↔not like), which keeps SQL's three-valued meaning: a null column satisfies neither a
/// comparison nor its negation. Literals are type-checked against the column the way OData does,
/// so <c>name eq 5</c> is a 400 rather than an empty result.
/// </summary>
public static class FilterTranslator
{
    public static FilterExpression Translate(FilterNode node, TableDefinition table)
    {
        var result = Build(node, table, negate: false);
        if (result is FilterExpression filter) return filter;
        var wrapper = new FilterExpression(LogicalOperator.And);
        wrapper.Conditions.Add((ConditionExpression)result);
        return wrapper;
    }

    /// <summary>A ConditionExpression for a leaf, a FilterExpression for and/or.</summary>
    private static object Build(FilterNode node, TableDefinition table, bool negate) => node switch
    {
        NotNode not => Build(not.Inner, table, !negate),
        AndNode and => Combine(negate ? LogicalOperator.Or : LogicalOperator.And, Build(and.Left, table, negate), Build(and.Right, table, negate)),
        OrNode or => Combine(negate ? LogicalOperator.And : LogicalOperator.Or, Build(or.Left, table, negate), Build(or.Right, table, negate)),
        CompareNode compare => Compare(compare, table, negate),
        StringFunctionNode function => Function(function, table, negate),
        _ => throw new InvalidOperationException($"Unknown filter node {node.GetType().Name}."),
    };

    private static FilterExpression Combine(LogicalOperator op, object left, object right)
    {
        var filter = new FilterExpression(op);
        foreach (var part in new[] { left, right })
        {
            if (part is ConditionExpression condition) filter.Conditions.Add(condition);
            // Flatten a same-operator child: (a and b) and c is one AND of three.
            else if (part is FilterExpression child && child.FilterOperator == op)
            {
                foreach (var c in child.Conditions) filter.Conditions.Add(c);
                foreach (var f in child.Filters) filter.Filters.Add(f);
            }
            else filter.Filters.Add((FilterExpression)part);
        }
        return filter;
    }

    private static ConditionExpression Compare(CompareNode node, TableDefinition table, bool negate)
    {
        var column = EntitySetMap.Resolve(table, node.Property);
        var op = negate ? Negate(node.Operator) : node.Operator;
        if (node.Value.Kind == LiteralKind.Null)
        {
            return op switch
            {
                "eq" => new ConditionExpression(column.LogicalName, ConditionOperator.Null),
                "ne" => new ConditionExpression(column.LogicalName, ConditionOperator.NotNull),
                _ => throw WebApiException.BadRequest($"The operator '{node.Operator}' cannot compare '{node.Property}' with null; use eq null or ne null."),
            };
        }
        var value = ValueFor(column, node.Value, node.Property, OperatorKind(node.Operator));
        var sdkOperator = op switch
        {
            "eq" => ConditionOperator.Equal,
            "ne" => ConditionOperator.NotEqual,
            "gt" => ConditionOperator.GreaterThan,
            "ge" => ConditionOperator.GreaterEqual,
            "lt" => ConditionOperator.LessThan,
            _ => ConditionOperator.LessEqual,
        };
        return new ConditionExpression(column.LogicalName, sdkOperator, value);
    }

    private static ConditionExpression Function(StringFunctionNode node, TableDefinition table, bool negate)
    {
        var column = EntitySetMap.Resolve(table, node.Property);
        if (column.Type is not (ColumnType.String or ColumnType.Memo))
            throw WebApiException.BadRequest($"No function signature for the function with name '{node.Function}' matches the property '{node.Property}' of type '{EdmType(column)}'; it needs a string property.");
        // Dataverse passes the text to SQL LIKE, so %, _ and [ ] in it act as wildcards (dataverse-facts §4).
        var text = (string)node.Argument.Value!;
        var pattern = node.Function switch { "contains" => $"%{text}%", "startswith" => $"{text}%", _ => $"%{text}" };
        return new ConditionExpression(column.LogicalName, negate ? ConditionOperator.NotLike : ConditionOperator.Like, pattern);
    }

    private static object ValueFor(ColumnDefinition column, Literal literal, string property, string operatorKind)
    {
        var ok = column.Type switch
        {
            ColumnType.String or ColumnType.Memo or ColumnType.EntityName => literal.Kind == LiteralKind.String,
            ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money
                or ColumnType.Picklist or ColumnType.State or ColumnType.Status => literal.Kind is LiteralKind.Integer or LiteralKind.Decimal,
            ColumnType.Boolean => literal.Kind == LiteralKind.Boolean,
            ColumnType.DateTime => literal.Kind is LiteralKind.DateTimeOffset or LiteralKind.Date,
            _ => literal.Kind == LiteralKind.Guid,
        };
        if (!ok)
            throw WebApiException.BadRequest(
                $"A binary operator with incompatible types was detected. Found operand types '{EdmType(column)}' and '{literal.EdmName}' for operator kind '{operatorKind}' (property '{property}').");
        return literal.Value!;
    }

    public static string EdmType(ColumnDefinition column) => column.Type switch
    {
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => "Edm.String",
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => "Edm.Int32",
        ColumnType.BigInt => "Edm.Int64",
        ColumnType.Decimal or ColumnType.Money => "Edm.Decimal",
        ColumnType.Double => "Edm.Double",
        ColumnType.Boolean => "Edm.Boolean",
        ColumnType.DateTime => "Edm.DateTimeOffset",
        _ => "Edm.Guid",
    };

    private static string Negate(string op) => op switch
    {
        "eq" => "ne", "ne" => "eq", "gt" => "le", "le" => "gt", "ge" => "lt", _ => "ge",
    };

    private static string OperatorKind(string op) => op switch
    {
        "eq" => "Equal", "ne" => "NotEqual", "gt" => "GreaterThan", "ge" => "GreaterThanOrEqual", "lt" => "LessThan", _ => "LessThanOrEqual",
    };
}
