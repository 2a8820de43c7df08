using System;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>Reads every engine step makes of its execution context, in one place instead of once per step.</summary>
    public static class ExecutionContextReads
    {
        /// <summary>The operation's time (OperationCreatedOn), or now when the host leaves it unset.</summary>
        public static DateTime OperationTime(this IExecutionContext context) =>
            context.OperationCreatedOn == default(DateTime) ? DateTime.UtcNow : context.OperationCreatedOn;

        /// <summary>The post-image the step declares; its absence is a registration error, said as one.</summary>
        public static Entity RequiredPostImage(this IExecutionContext context, string alias, string step)
        {
            Entity image;
            if (!context.PostEntityImages.TryGetValue(alias, out image))
                throw new InvalidPluginExecutionException("The " + step + " step is registered without its post-image '" + alias + "'.");
            return image;
        }
    }
}
