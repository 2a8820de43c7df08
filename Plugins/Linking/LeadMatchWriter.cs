using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>Puts a match on the lead's Target, only the columns whose value changes (pre = the row before, null on Create).</summary>
    public static class LeadMatchWriter
    {
        public const string ManualExplanation = "Account set by hand: the engine keeps it whatever the email says.";

        /// <param name="keepAccount">The account was set by a person (now or before): the match's own account is not written, the method stays Manual.</param>
        public static void Write(Entity target, Entity pre, LeadMatch match, bool keepAccount)
        {
            if (keepAccount)
            {
                Set(target, pre, LeadColumns.MatchMethod, new OptionSetValue((int)MatchMethod.Manual));
                Set(target, pre, LeadColumns.MatchExplanation, Clip(ManualExplanation + " " + match.Explanation));
            }
            else
            {
                Set(target, pre, LeadColumns.ParentAccountId, match.Account);
                Set(target, pre, LeadColumns.MatchMethod, new OptionSetValue((int)match.Method));
                Set(target, pre, LeadColumns.MatchExplanation, Clip(match.Explanation));
            }
            Set(target, pre, LeadColumns.NormalizedEmail, match.NormalizedEmail);
            Set(target, pre, LeadColumns.EmailDomain, match.Domain);
            Set(target, pre, LeadColumns.MatchOutcome, new OptionSetValue((int)match.Outcome));
        }

        /// <summary>A person set or moved the lead's account: Manual from now on.</summary>
        public static void WriteManual(Entity target, Entity pre)
        {
            Set(target, pre, LeadColumns.MatchMethod, new OptionSetValue((int)MatchMethod.Manual));
            Set(target, pre, LeadColumns.MatchExplanation, ManualExplanation);
        }

        /// <summary>
        /// The lead's account was cleared (by a person, or by the platform when the account was deleted): the engine
        /// links it again from now on, and until its company's next move it says why it has no account.
        /// </summary>
        public static void WriteCleared(Entity target, Entity pre)
        {
            Set(target, pre, LeadColumns.MatchMethod, new OptionSetValue((int)MatchMethod.None));
            var outcome = pre == null ? null : pre.GetAttributeValue<OptionSetValue>(LeadColumns.MatchOutcome);
            if (outcome != null && (outcome.Value == (int)MatchOutcome.Linked || outcome.Value == (int)MatchOutcome.AccountCreated))
                Set(target, pre, LeadColumns.MatchOutcome, new OptionSetValue((int)MatchOutcome.Unmatched));
            Set(target, pre, LeadColumns.MatchExplanation, ClearedExplanation);
        }

        public const string ClearedExplanation = "Not linked: its account was cleared or deleted; it follows its company's account from now on.";

        private static string Clip(string explanation) =>
            explanation != null && explanation.Length > LeadColumns.MatchExplanationMaxLength
                ? explanation.Substring(0, LeadColumns.MatchExplanationMaxLength - 1) + "…" : explanation;

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
            var oa = a as OptionSetValue;
            var ob = b as OptionSetValue;
            if (oa != null && ob != null) return oa.Value == ob.Value;
            return Equals(a, b);
        }
    }
}
