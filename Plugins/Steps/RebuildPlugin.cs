using System;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// adopt_Rebuild (Custom API, Solution/src/customapis/adopt_Rebuild): recomputes an account, a company or the
    /// organization from the leads (AdoptionRebuilder). Request: Scope (account | company | organization),
    /// RecordId (the account or company), Cookie (to go on). Response: Processed (leads read), Cookie (null when done).
    /// </summary>
    [CustomApi(MessageName)]
    public sealed class RebuildPlugin : PluginBase
    {
        public const string MessageName = "adopt_Rebuild";
        public const string ScopeParameter = "Scope";
        public const string RecordIdParameter = "RecordId";
        public const string CookieParameter = "Cookie";
        public const string ProcessedProperty = "Processed";
        /// <summary>The solution's scheduled flow that calls this API with Scope daily (Solution/src/Workflows).</summary>
        public const string DailyFlowName = "Adoption: daily recompute";

        public RebuildPlugin() : base(typeof(RebuildPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            string scope = context.InputParameters.Contains(ScopeParameter) ? context.InputParameters[ScopeParameter] as string : null;
            Guid? recordId = context.InputParameters.Contains(RecordIdParameter) ? context.InputParameters[RecordIdParameter] as Guid? : null;
            string cookie = context.InputParameters.Contains(CookieParameter) ? context.InputParameters[CookieParameter] as string : null;
            var service = localContext.SystemUserService;
            DateTime now = context.OperationTime();
            var result = Run(service, scope, recordId, cookie, now, m => localContext.Trace(m), context.IsInTransaction);
            context.OutputParameters[ProcessedProperty] = result.Processed;
            context.OutputParameters[CookieParameter] = result.Cookie;
        }

        /// <summary>The rebuild as the Custom API runs it, for callers that hold a service (tests, tools).</summary>
        public static RebuildResult Run(IOrganizationService service, string scope, Guid? recordId, string cookie, DateTime nowUtc, Action<string> trace, bool inTransaction = true)
        {
            var settings = SettingsReader.ReadActive(service);
            string normalized = (scope ?? "").Trim().ToLowerInvariant();
            if (normalized == RebuildScope.Daily)
                return new DailyRecompute(service, new RequestSender(service, inTransaction), settings, nowUtc, trace).Run(cookie);
            return new AdoptionRebuilder(service, new RequestSender(service, inTransaction), settings, nowUtc, trace).Run((scope ?? "").Trim().ToLowerInvariant(), recordId, cookie);
        }
    }
}
