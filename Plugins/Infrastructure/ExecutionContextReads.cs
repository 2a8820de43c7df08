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

        /// <summary>The pre-image the step declares, or null where the platform gives none (a Create has no pre-image).</summary>
        public static Entity OptionalPreImage(this IExecutionContext context, string alias)
        {
            Entity image;
            return context.PreEntityImages.TryGetValue(alias, out image) ? image : null;
        }

        /// <summary>The post-image the step declares, or null where the platform gives none (a Delete has no post-image).</summary>
        public static Entity OptionalPostImage(this IExecutionContext context, string alias)
        {
            Entity image;
            return context.PostEntityImages.TryGetValue(alias, out image) ? image : null;
        }

        /// <summary>The post-image the step declares with the row's id set (an image may carry it only as a column), or null without one.</summary>
        public static Entity PostImageWithId(this IExecutionContext context, string alias)
        {
            var image = context.OptionalPostImage(alias);
            if (image != null && image.Id == Guid.Empty) image.Id = context.PrimaryEntityId;
            return image;
        }

        /// <summary>The row as an Update will save it: the pre-image's columns with the request's Target over them.</summary>
        public static Entity RowAsSaved(Entity pre, Entity target)
        {
            var row = new Entity(target.LogicalName, target.Id);
            if (pre != null) foreach (var attribute in pre.Attributes) row[attribute.Key] = attribute.Value;
            foreach (var attribute in target.Attributes) row[attribute.Key] = attribute.Value;
            return row;
        }
    }
}
