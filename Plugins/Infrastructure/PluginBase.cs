using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// Base of every plugin class, after Microsoft's PluginBase template: builds the local context,
    /// traces entry and exit with the correlation id, runs only for a context that matches one of the
    /// class's [PluginStep] declarations, and turns platform faults and unexpected errors into
    /// InvalidPluginExecutionException. Subclasses stay thin: they wire, services decide.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        private readonly IReadOnlyList<PluginStepAttribute> _registeredSteps;

        protected PluginBase(Type pluginClass)
        {
            if (pluginClass == null) throw new ArgumentNullException("pluginClass");
            PluginClassName = pluginClass.ToString();
            // Read once per instance; attributes are immutable configuration, not per-call state.
            _registeredSteps = PluginRegistrations.StepsOf(pluginClass);
            var api = (CustomApiAttribute)Attribute.GetCustomAttribute(pluginClass, typeof(CustomApiAttribute), false);
            _customApi = api == null ? null : api.UniqueName;
        }

        private readonly string _customApi;

        protected string PluginClassName { get; private set; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException("serviceProvider");

            var localContext = new LocalPluginContext(serviceProvider);
            var context = localContext.PluginExecutionContext;
            localContext.Trace(string.Format("Entered {0}.Execute() Correlation Id: {1}, Initiating User: {2}, Message: {3} {4} stage {5} depth {6}",
                PluginClassName, context.CorrelationId, context.InitiatingUserId, context.MessageName, context.PrimaryEntityName, context.Stage, context.Depth));
            try
            {
                if (!MatchesRegistration(context))
                {
                    localContext.Trace(string.Format("{0} is not registered for {1} of {2} at stage {3}; nothing to do.",
                        PluginClassName, context.MessageName, context.PrimaryEntityName, context.Stage));
                    return;
                }
                ExecuteDataversePlugin(localContext);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                localContext.Trace(string.Format("OrganizationServiceFault {0}: {1}", fault.Detail == null ? 0 : fault.Detail.ErrorCode, fault.ToString()));
                throw new InvalidPluginExecutionException(
                    string.Format("{0}: the platform refused a request: {1}", PluginClassName, fault.Message), fault);
            }
            catch (Exception unexpected)
            {
                localContext.Trace(string.Format("Unexpected {0}: {1}", unexpected.GetType().FullName, unexpected));
                throw new InvalidPluginExecutionException(
                    string.Format("{0} failed unexpectedly ({1}). See the plug-in trace log for details.", PluginClassName, unexpected.Message), unexpected);
            }
            finally
            {
                localContext.Trace(string.Format("Exiting {0}.Execute()", PluginClassName));
            }
        }

        /// <summary>The plugin's work. Called only when the context matches a declared step.</summary>
        protected abstract void ExecuteDataversePlugin(ILocalPluginContext localContext);

        private bool MatchesRegistration(IPluginExecutionContext context)
        {
            if (_customApi != null && string.Equals(_customApi, context.MessageName, StringComparison.OrdinalIgnoreCase)
                && context.Stage == CustomApiAttribute.MainOperationStage) return true;
            // A loop, not Any: a lambda over the context would be allocated on every execution.
            foreach (var step in _registeredSteps)
                if (string.Equals(step.Message, context.MessageName, StringComparison.OrdinalIgnoreCase)
                    && (step.PrimaryEntity == null || string.Equals(step.PrimaryEntity, context.PrimaryEntityName, StringComparison.OrdinalIgnoreCase))
                    && (int)step.Stage == context.Stage) return true;
            return false;
        }
    }
}
