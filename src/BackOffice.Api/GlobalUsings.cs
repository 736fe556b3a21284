// The API's rooms, used by every endpoint: commands, problems, reads, OpenAPI conventions and the request context.
global using BackOffice.Api.Commands;
global using BackOffice.Api.OpenApi;
global using BackOffice.Api.Problems;
global using BackOffice.Api.Reads;
global using BackOffice.Api.Requests;
