using System;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// Marks the plug-in class that carries a Custom API's main operation (customapi.plugintypeid; the API itself
    /// is declared in Solution/src/customapis/&lt;uniquename&gt;). The platform runs it as the message's main
    /// operation (stage 30), not as a registered step, so PluginBase accepts that stage for this message.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiAttribute : Attribute
    {
        /// <summary>The main operation's stage in the event pipeline.</summary>
        public const int MainOperationStage = 30;

        public CustomApiAttribute(string uniqueName) { UniqueName = uniqueName; }

        public string UniqueName { get; private set; }
    }
}
