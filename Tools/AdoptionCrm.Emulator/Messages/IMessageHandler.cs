using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>One emulated message: the registry routes a request to it by RequestName.</summary>
internal interface IMessageHandler
{
    string MessageName { get; }

    OrganizationResponse Execute(OrganizationRequest request, ExecutionScope scope);
}
