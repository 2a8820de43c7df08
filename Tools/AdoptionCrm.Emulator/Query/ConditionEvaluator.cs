using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Evaluates bound filters on a joined row (one Entity per table slot, null for an unmatched outer
/// join). Null follows SQL: it satisfies only "null"; every other operator, negated ones included, is false.
/// </summary>
public sealed class ConditionEvaluator
{
    private readonly QueryContext _context;

    public ConditionEvaluator(QueryContext context) => _context = context;

    public bool Matches(BoundFilter filter, Entity?[] row)
    {
        if (filter.Operator == LogicalOperator.Or)
        {
            if (filter.Conditions.Count == 0 && filter.Filters.Count == 0) return true;
            return filter.Conditions.Any(c => Matches(c, row)) || filter.Filters.Any(f => Matches(f, row));
        }
        return filter.Conditions.All(c => Matches(c, row)) && filter.Filters.All(f => Matches(f, row));
    }

    public bool Matches(BoundCondition condition, Entity?[] row)
    {
        var value = RowValues.Canonical(row[condition.Slot], condition.Column);
        var op = condition.Operator;
        if (op == ConditionOperator.Null) return value is null;
        if (op == ConditionOperator.NotNull) return value is not null;
        if (value is null) return false;

        if (condition.OtherSlot is int otherSlot)
        {
            var other = RowValues.Canonical(row[otherSlot], condition.OtherColumn!);
            return other is not null && CompareMatches(op, ValueNormalizer.Compare(value, other));
        }
        if (condition.Pattern is not null)
        {
            var isMatch = value is string text && condition.Pattern.IsMatch(text);
            return op is ConditionOperator.Like or ConditionOperator.BeginsWith or ConditionOperator.EndsWith ? isMatch : !isMatch;
        }

        switch (op)
        {
            case ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.GreaterThan
                or ConditionOperator.GreaterEqual or ConditionOperator.LessThan or ConditionOperator.LessEqual:
                var target = condition.Values[0];
                return target is not null && CompareMatches(op, ValueNormalizer.Compare(value, target));
            case ConditionOperator.In:
                return condition.Values.Any(v => v is not null && ValueNormalizer.Compare(value, v) == 0);
            case ConditionOperator.NotIn:
                return condition.Values.All(v => v is null || ValueNormalizer.Compare(value, v) != 0);
            case ConditionOperator.Between or ConditionOperator.NotBetween:
                var inside = condition.Values[0] is { } low && condition.Values[1] is { } high
                    && ValueNormalizer.Compare(value, low) >= 0 && ValueNormalizer.Compare(value, high) <= 0;
                return op == ConditionOperator.Between ? inside : !inside;
            case ConditionOperator.EqualUserId:
                return value is Guid user && user == _context.CallerId;
            case ConditionOperator.NotEqualUserId:
                return value is Guid other && other != _context.CallerId;
        }

        // Everything left is a date operator.
        if (value is not DateTime date)
            throw Faults.Create(ErrorCodes.InvalidArgument, $"The condition operator '{op}' applies to date columns; '{condition.Column.LogicalName}' is {condition.Column.Type}.");
        switch (op)
        {
            case ConditionOperator.On or ConditionOperator.NotOn or ConditionOperator.OnOrAfter or ConditionOperator.OnOrBefore:
                if (condition.Values[0] is not DateTime day) return false;
                var start = day.Date;
                return op switch
                {
                    ConditionOperator.On => date >= start && date < start.AddDays(1),
                    ConditionOperator.NotOn => date < start || date >= start.AddDays(1),
                    ConditionOperator.OnOrAfter => date >= start,
                    _ => date < start.AddDays(1),
                };
            default:
                var x = condition.Values.Length > 0 ? (int)condition.Values[0]! : 0;
                var (from, to) = DateRanges.For(op, x, _context.UtcNow);
                return date >= from && date < to;
        }
    }

    private static bool CompareMatches(ConditionOperator op, int comparison) => op switch
    {
        ConditionOperator.Equal => comparison == 0,
        ConditionOperator.NotEqual => comparison != 0,
        ConditionOperator.GreaterThan => comparison > 0,
        ConditionOperator.GreaterEqual => comparison >= 0,
        ConditionOperator.LessThan => comparison < 0,
        _ => comparison <= 0,
    };
}
