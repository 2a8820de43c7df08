using System.Globalization;
using AdoptionCrm.Emulator.Query.Model;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Checks a condition's operator and value count and converts its values once. Operators the engine
/// does not evaluate fault here by name, so no query silently returns wrong rows.
/// </summary>
public static class ConditionBinder
{
    private static readonly HashSet<ConditionOperator> OneValue = new()
    {
        ConditionOperator.Equal, ConditionOperator.NotEqual, ConditionOperator.GreaterThan, ConditionOperator.GreaterEqual,
        ConditionOperator.LessThan, ConditionOperator.LessEqual, ConditionOperator.On, ConditionOperator.NotOn,
        ConditionOperator.OnOrAfter, ConditionOperator.OnOrBefore,
    };

    private static readonly HashSet<ConditionOperator> Patterns = new()
    {
        ConditionOperator.Like, ConditionOperator.NotLike, ConditionOperator.BeginsWith, ConditionOperator.DoesNotBeginWith,
        ConditionOperator.EndsWith, ConditionOperator.DoesNotEndWith,
    };

    private static readonly HashSet<ConditionOperator> NoValue = new()
    {
        ConditionOperator.Null, ConditionOperator.NotNull, ConditionOperator.Today, ConditionOperator.Yesterday,
        ConditionOperator.Tomorrow, ConditionOperator.Last7Days, ConditionOperator.Next7Days,
        ConditionOperator.ThisMonth, ConditionOperator.LastMonth, ConditionOperator.NextMonth,
        ConditionOperator.ThisYear, ConditionOperator.LastYear, ConditionOperator.NextYear,
        ConditionOperator.EqualUserId, ConditionOperator.NotEqualUserId,
    };

    /// <summary>Operators taking a count X (last-x-days and kin).</summary>
    public static readonly HashSet<ConditionOperator> CountOperators = new()
    {
        ConditionOperator.LastXHours, ConditionOperator.NextXHours, ConditionOperator.LastXDays, ConditionOperator.NextXDays,
        ConditionOperator.LastXWeeks, ConditionOperator.NextXWeeks, ConditionOperator.LastXMonths, ConditionOperator.NextXMonths,
        ConditionOperator.LastXYears, ConditionOperator.NextXYears, ConditionOperator.OlderThanXMinutes,
        ConditionOperator.OlderThanXHours, ConditionOperator.OlderThanXDays, ConditionOperator.OlderThanXWeeks,
        ConditionOperator.OlderThanXMonths, ConditionOperator.OlderThanXYears,
    };

    public static BoundCondition Bind(ConditionSpec spec, BoundTable table, ColumnDefinition column, int? otherSlot, ColumnDefinition? otherColumn)
    {
        var op = spec.Operator;
        var name = table.Table.LogicalName;
        if (otherSlot is not null)
        {
            // Column comparison is documented for eq/ne/gt/ge/lt/le only.
            if (op is not (ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.GreaterThan
                or ConditionOperator.GreaterEqual or ConditionOperator.LessThan or ConditionOperator.LessEqual))
                throw Unsupported(spec, "with valueof");
            return new BoundCondition { Slot = table.Slot, Column = column, Operator = op, OtherSlot = otherSlot, OtherColumn = otherColumn };
        }

        if (OneValue.Contains(op))
            return Make(table, column, op, Coerced(Expect(spec, 1), column, name));
        if (op is ConditionOperator.In or ConditionOperator.NotIn)
        {
            if (spec.Values.Count == 0) throw WrongCount(spec, "at least one value");
            return Make(table, column, op, Coerced(spec.Values, column, name));
        }
        if (op is ConditionOperator.Between or ConditionOperator.NotBetween)
            return Make(table, column, op, Coerced(Expect(spec, 2), column, name));
        if (Patterns.Contains(op))
        {
            var text = Convert.ToString(Expect(spec, 1)[0], CultureInfo.InvariantCulture) ?? "";
            var pattern = op switch
            {
                ConditionOperator.BeginsWith or ConditionOperator.DoesNotBeginWith => text + "%",
                ConditionOperator.EndsWith or ConditionOperator.DoesNotEndWith => "%" + text,
                _ => text,
            };
            return new BoundCondition { Slot = table.Slot, Column = column, Operator = op, Pattern = SqlLikePattern.ToRegex(pattern) };
        }
        if (NoValue.Contains(op))
            return Make(table, column, op, Array.Empty<object?>());
        if (CountOperators.Contains(op))
        {
            var raw = Expect(spec, 1)[0];
            int count;
            try { count = Convert.ToInt32(raw is string s ? s.Trim() : raw, CultureInfo.InvariantCulture); }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw Faults.Create(ErrorCodes.InvalidArgument, $"Operator '{OperatorLabel(spec)}' needs a whole number, not '{raw}'.");
            }
            return Make(table, column, op, new object?[] { count });
        }
        throw Unsupported(spec, null);
    }

    // A loop, not Select: every condition of every query binds here.
    private static object?[] Coerced(List<object?> values, ColumnDefinition column, string table)
    {
        var coerced = new object?[values.Count];
        for (var i = 0; i < coerced.Length; i++) coerced[i] = ValueNormalizer.Coerce(values[i], column, table);
        return coerced;
    }

    private static BoundCondition Make(BoundTable table, ColumnDefinition column, ConditionOperator op, object?[] values) =>
        new() { Slot = table.Slot, Column = column, Operator = op, Values = values };

    private static List<object?> Expect(ConditionSpec spec, int count) =>
        spec.Values.Count == count ? spec.Values : throw WrongCount(spec, count == 1 ? "exactly one value" : $"exactly {count} values");

    private static Exception WrongCount(ConditionSpec spec, string what) =>
        Faults.Create(ErrorCodes.InvalidArgument,
            $"Condition operator '{OperatorLabel(spec)}' on attribute '{spec.Attribute}' expects {what}; it got {spec.Values.Count}.");

    private static Exception Unsupported(ConditionSpec spec, string? qualifier) =>
        Faults.Create(ErrorCodes.InvalidOperator,
            $"The condition operator '{OperatorLabel(spec)}'{(qualifier is null ? "" : " " + qualifier)} is not supported by the emulator (attribute '{spec.Attribute}').");

    private static string OperatorLabel(ConditionSpec spec) => spec.OperatorName ?? spec.Operator.ToString();
}
