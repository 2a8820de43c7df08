using AdoptionCrm.Solution.Registration;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// An attribute with the shipped one's name and shape, declared here: the reader matches it by name
/// (as spkl reads its own attribute), so it needs no reference to the plug-in assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PluginStepAttribute(string message, string primaryEntity, TestStage stage) : Attribute
{
    public string Message { get; } = message;
    public string PrimaryEntity { get; } = primaryEntity;
    public TestStage Stage { get; } = stage;
    public int Mode { get; set; }
    public int Rank { get; set; } = 1;
    public string? FilteringAttributes { get; set; }
    public string? PreImageName { get; set; }
    public string? PreImageAttributes { get; set; }
    public string? PostImageName { get; set; }
    public string? PostImageAttributes { get; set; }
    public string? Description { get; set; }
}

public enum TestStage { PreOperation = 20, PostOperation = 40 }

[PluginStep("Update", "lead", TestStage.PostOperation, Rank = 2, Mode = 1, FilteringAttributes = "a, b", PreImageName = "PreImage", PreImageAttributes = "a",
    PostImageName = "PostImage", Description = "d")]
[PluginStep("Create", "lead", TestStage.PreOperation)]
public sealed class DeclaredSteps;

public class RegistrationTests
{
    [Fact]
    public void The_reader_reads_PluginStep_by_name_with_every_property()
    {
        var steps = PluginStepReader.FromType(typeof(DeclaredSteps));
        Assert.Equal(2, steps.Count);
        var create = steps[0];
        Assert.Equal(("Create", "lead", StepStage.PreOperation, StepMode.Synchronous, 1), (create.Message, create.PrimaryEntity, create.Stage, create.Mode, create.Rank));
        Assert.Empty(create.Images);
        var update = steps[1];
        Assert.Equal((StepStage.PostOperation, StepMode.Asynchronous, 2, "a,b", "d"), (update.Stage, update.Mode, update.Rank, update.FilteringAttributesText, update.Description));
        Assert.Equal([("PreImage", StepImageType.PreImage, "a"), ("PostImage", StepImageType.PostImage, "")], update.Images.Select(i => (i.Alias, i.ImageType, i.AttributesText)));
        Assert.Equal(typeof(DeclaredSteps).FullName, update.PluginTypeFullName);
    }

    [Fact]
    public void The_reader_reads_the_shipped_net462_dll_without_loading_it()
    {
        var steps = PluginStepReader.FromAssemblyFile(File.ReadAllBytes(PackedSolution.ShippingDllPath), Path.GetDirectoryName(PackedSolution.ShippingDllPath));
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.StartsWith("AdoptionCrm.Plugins.", s.PluginTypeFullName));
        Assert.All(steps, s => Assert.Empty(StepRules.Check(s)));
    }

    [Theory]
    [InlineData("Create", StepStage.PreOperation, StepMode.Asynchronous, null, null, "asynchronous steps are only allowed on PostOperation")]
    [InlineData("Create", StepStage.PreOperation, StepMode.Synchronous, "name", null, "filtering attributes apply to Update only")]
    [InlineData("Create", StepStage.PostOperation, StepMode.Synchronous, null, StepImageType.PreImage, "Create has no pre-image")]
    [InlineData("Delete", StepStage.PostOperation, StepMode.Synchronous, null, StepImageType.PostImage, "Delete has no post-image")]
    [InlineData("Update", StepStage.PreOperation, StepMode.Synchronous, null, StepImageType.PostImage, "post-images exist only in PostOperation")]
    [InlineData("Associate", StepStage.PostOperation, StepMode.Synchronous, null, StepImageType.PreImage, "has no known image property")]
    [InlineData("Update", (StepStage)30, StepMode.Synchronous, null, null, "stage 30 is not a custom step stage")]
    public void The_rule_book_names_each_broken_rule(string message, StepStage stage, StepMode mode, string? filter, StepImageType? image, string expected)
    {
        var step = new StepRegistration("T", message, "lead", stage)
        {
            Mode = mode,
            FilteringAttributes = filter is null ? null : [filter],
            Images = image is null ? [] : [new StepImage("Image", image.Value, null)],
        };
        Assert.Contains(StepRules.Check(step), p => p.Contains(expected));
    }

    [Fact]
    public void A_valid_registration_breaks_no_rule()
    {
        var step = new StepRegistration("T", "Update", "lead", StepStage.PostOperation)
        {
            Mode = StepMode.Asynchronous, FilteringAttributes = ["emailaddress1"],
            Images = [new StepImage("PreImage", StepImageType.PreImage, null), new StepImage("PostImage", StepImageType.PostImage, ["emailaddress1"])],
        };
        Assert.Empty(StepRules.Check(step));
        Assert.Equal("Target", MessageImageProperty.For("Update"));
        Assert.Equal("Id", MessageImageProperty.For("Create"));
    }
}
