using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>A declared step together with the plugin class that carries it.</summary>
    public sealed class RegisteredStep
    {
        public RegisteredStep(Type pluginType, PluginStepAttribute step)
        {
            PluginType = pluginType;
            Step = step;
        }

        public Type PluginType { get; private set; }
        public PluginStepAttribute Step { get; private set; }
    }

    /// <summary>Reads the [PluginStep] declarations: used by PluginBase, the packer and the emulator.</summary>
    public static class PluginRegistrations
    {
        public static IReadOnlyList<PluginStepAttribute> StepsOf(Type pluginType)
        {
            return pluginType.GetCustomAttributes(typeof(PluginStepAttribute), false).Cast<PluginStepAttribute>().ToList();
        }

        /// <summary>Every step declared by a concrete PluginBase subclass in the assembly, in a stable order.</summary>
        public static IReadOnlyList<RegisteredStep> All(Assembly assembly)
        {
            return assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(PluginBase).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .SelectMany(t => StepsOf(t)
                    .OrderBy(s => s.Message, StringComparer.Ordinal)
                    .ThenBy(s => s.PrimaryEntity, StringComparer.Ordinal)
                    .ThenBy(s => (int)s.Stage)
                    .ThenBy(s => s.Rank)
                    .Select(s => new RegisteredStep(t, s)))
                .ToList();
        }

        /// <summary>All steps declared in this (the plugin) assembly.</summary>
        public static IReadOnlyList<RegisteredStep> All()
        {
            return All(typeof(PluginRegistrations).Assembly);
        }
    }
}
