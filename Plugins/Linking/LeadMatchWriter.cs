using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>Puts a match on the lead's Target, only the columns whose value changes (pre = the row before, null on Create).</summary>
    public static class LeadMatchWriter
    {
        public static void Write(Entity target, Entity pre, LeadMatch match)
        {
            Set(target, pre, LeadColumns.ParentAccountId, match.Account);
            Set(target, pre, LeadColumns.NormalizedEmail, match.NormalizedEmail);
            Set(target, pre, LeadColumns.EmailDomain, match.Domain);
            Set(target, pre, LeadColumns.MatchOutcome, new OptionSetValue((int)match.Outcome));
            Set(target, pre, LeadColumns.MatchMethod, new OptionSetValue((int)match.Method));
            string explanation = match.Explanation;
            if (explanation != null && explanation.Length > LeadColumns.MatchExplanationMaxLength)
                explanation = explanation.Substring(0, LeadColumns.MatchExplanationMaxLength - 1) + "…";
            Set(target, pre, LeadColumns.MatchExplanation, explanation);
        }

        private static void Set(Entity target, Entity pre, string column, object value)
        {
            if (pre != null)
            {
                object before;
                pre.Attributes.TryGetValue(column, out before);
                if (SameValue(before, value)) { target.Attributes.Remove(column); return; }
            }
            else if (value == null && !target.Contains(column)) return;
            target[column] = value;
        }

        private static bool SameValue(object a, object b)
        {
            if (a == null || b == null) return a == null && b == null;
            var ra = a as EntityReference;
            var rb = b as EntityReference;
            if (ra != null && rb != null) return ra.Id == rb.Id && ra.LogicalName == rb.LogicalName;
            return Equals(a, b);
        }
    }
}
