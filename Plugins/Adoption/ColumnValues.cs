using System;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>Value equality for "write only what changed": references by id, empty text as null, dates to the second.</summary>
    public static class ColumnValues
    {
        public static bool Same(object a, object b)
        {
            if (a is string && ((string)a).Length == 0) a = null;
            if (b is string && ((string)b).Length == 0) b = null;
            if (a == null || b == null) return a == null && b == null;
            var ra = a as EntityReference;
            var rb = b as EntityReference;
            if (ra != null || rb != null) return ra != null && rb != null && ra.Id == rb.Id;
            var oa = a as OptionSetValue;
            var ob = b as OptionSetValue;
            if (oa != null || ob != null) return oa != null && ob != null && oa.Value == ob.Value;
            if (a is DateTime && b is DateTime)
                return Math.Abs((((DateTime)a).ToUniversalTime() - ((DateTime)b).ToUniversalTime()).TotalSeconds) < 1;
            return Equals(a, b);
        }

        /// <summary>Puts <paramref name="value"/> on <paramref name="update"/> when it differs from the row's.</summary>
        public static void SetIfChanged(Entity row, Entity update, string column, object value)
        {
            object current = row != null && row.Contains(column) ? row[column] : null;
            if (!Same(current, value)) update[column] = value;
        }
    }
}
