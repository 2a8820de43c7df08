using AdoptionCrm.Emulator.Pipeline;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>The emulator runs only what a caller registers: no product assembly by default.</summary>
public class DefaultRegistrationTests
{
    [Fact]
    public void A_default_organization_registers_no_step()
    {
        Assert.Empty(EmulatedOrganization.Create().Steps.All);
    }

    [Fact]
    public void An_assembly_listed_in_the_options_registers_its_declared_steps()
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly } });
        Assert.NotEmpty(org.Steps.All);
        Assert.All(org.Steps.All, s => Assert.StartsWith("AdoptionCrm.Plugins.", s.PluginName));
    }

    [Fact]
    public void The_emulator_refuses_what_the_solution_rule_book_refuses()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StepDefinition("Create", "account", 20) { PreImage = new ImageDefinition("PreImage", null) }.Validate());
        Assert.Contains("Create has no pre-image", error.Message);
    }
}
