namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>Event pipeline stages a step can be registered on (sdkmessageprocessingstep.stage).</summary>
    public enum PipelineStage
    {
        PreValidation = 10,
        PreOperation = 20,
        PostOperation = 40,
    }

    /// <summary>sdkmessageprocessingstep.mode: asynchronous steps are only allowed on PostOperation.</summary>
    public enum StepMode
    {
        Synchronous = 0,
        Asynchronous = 1,
    }

    /// <summary>sdkmessageprocessingstepimage.imagetype.</summary>
    public enum ImageType
    {
        PreImage = 0,
        PostImage = 1,
        Both = 2,
    }
}
