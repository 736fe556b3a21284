global using BackOffice.Domain.Common;
