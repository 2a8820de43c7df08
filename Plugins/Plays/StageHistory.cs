using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// Records every change of an account's adoption stage as an adopt_stagechange row (from, to, peak, direction,
    /// people, when) and keeps the account's peak (adopt_peakstage): the highest stage reached since the account
    /// last had no adoption. A fall is written as Cooling with the peak it fell from, so an account that was
    /// Enterprise-ready and now counts 5 people reads "Cooling, peak Enterprise-ready", not a quiet Team. Each row
    /// is complete from the step's images (before and after), so jobs that run out of order still record every
    /// change; the peak only rises between falls to None, so the order of its writes does not change the result
    /// beyond that reset.
    /// </summary>
    public sealed class StageHistory
    {
        public const string ImageColumns = AccountColumns.Name + "," + AccountColumns.AdoptionStage + "," + AccountColumns.PeakStage + "," + AccountColumns.AdopterCount;

        private readonly IOrganizationService _service;
        private readonly DateTime _now;
        private readonly Action<string> _trace;

        public StageHistory(IOrganizationService service, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        /// <summary>The row written, or null when the stage did not change.</summary>
        public Entity Record(Entity before, Entity after)
        {
            AdoptionStage from = StageOf(before, AccountColumns.AdoptionStage), to = StageOf(after, AccountColumns.AdoptionStage);
            if (from == to) return null;
            if (!AccountExistence.Exists(_service, after.Id))
            {
                _trace("Stage history: account " + after.Id + " no longer exists; nothing to record.");
                return null;
            }
            AdoptionStage peakBefore = Max(StageOf(after, AccountColumns.PeakStage), from);
            AdoptionStage peak = Max(peakBefore, to);
            bool cooling = to < from;
            string name = after.GetAttributeValue<string>(AccountColumns.Name);
            string text = (string.IsNullOrEmpty(name) ? "Account" : name) + ": " + StageLabels.Of(from) + " → " + StageLabels.Of(to)
                + (cooling ? " (cooling from " + StageLabels.Of(peak) + ")" : "");
            var row = new Entity(StageChangeColumns.EntityName)
            {
                [StageChangeColumns.Name] = text.Length <= StageChangeColumns.NameMaxLength ? text : text.Substring(0, StageChangeColumns.NameMaxLength - 1) + "…",
                [StageChangeColumns.AccountId] = new EntityReference(AccountColumns.EntityName, after.Id),
                [StageChangeColumns.FromStage] = new OptionSetValue((int)from),
                [StageChangeColumns.ToStage] = new OptionSetValue((int)to),
                [StageChangeColumns.PeakStage] = new OptionSetValue((int)peak),
                [StageChangeColumns.Cooling] = cooling,
                [StageChangeColumns.People] = after.GetAttributeValue<int?>(AccountColumns.AdopterCount) ?? 0,
                [StageChangeColumns.ChangedOn] = _now,
            };
            row.Id = _service.Create(row);
            // Back at None the account has fully cooled: the next rise starts a new peak.
            AdoptionStage accountPeak = to == AdoptionStage.None ? AdoptionStage.None : peak;
            if (accountPeak != StageOf(after, AccountColumns.PeakStage))
                _service.Update(new Entity(AccountColumns.EntityName, after.Id) { [AccountColumns.PeakStage] = new OptionSetValue((int)accountPeak) });
            _trace("Stage history: " + text);
            return row;
        }

        private static AdoptionStage Max(AdoptionStage a, AdoptionStage b) => a > b ? a : b;

        private static AdoptionStage StageOf(Entity row, string column)
        {
            var value = row == null ? null : row.GetAttributeValue<OptionSetValue>(column);
            return value == null || !Enum.IsDefined(typeof(AdoptionStage), value.Value) ? AdoptionStage.None : (AdoptionStage)value.Value;
        }
    }
}
