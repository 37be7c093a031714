namespace CrmRelationship.SolutionModel;

/// <summary>Event pipeline stage of a step (sdkmessageprocessingstep.stage).</summary>
public enum PipelineStage
{
    PreValidation = 10,
    PreOperation = 20,
    PostOperation = 40,
}

/// <summary>Execution mode of a step (sdkmessageprocessingstep.mode).</summary>
public enum StepMode
{
    Synchronous = 0,
    Asynchronous = 1,
}

/// <summary>Kind of entity image (sdkmessageprocessingstepimage.imagetype).</summary>
public enum StepImageType
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}
