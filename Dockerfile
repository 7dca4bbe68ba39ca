# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image compiles, the ASP.NET runtime image runs as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first so the package layer is cached while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/EditBot/EditBot.csproj src/EditBot/
COPY src/EditBot.Common/EditBot.Common.csproj src/EditBot.Common/
COPY src/EditBot.Core/EditBot.Core.csproj src/EditBot.Core/
COPY src/EditBot.Gmi/EditBot.Gmi.csproj src/EditBot.Gmi/
COPY src/EditBot.Imaging/EditBot.Imaging.csproj src/EditBot.Imaging/
COPY src/EditBot.Moderation/EditBot.Moderation.csproj src/EditBot.Moderation/
COPY src/EditBot.Discord/EditBot.Discord.csproj src/EditBot.Discord/
COPY src/EditBot.Storage.Sqlite/EditBot.Storage.Sqlite.csproj src/EditBot.Storage.Sqlite/
COPY src/EditBot.Storage.Postgres/EditBot.Storage.Postgres.csproj src/EditBot.Storage.Postgres/
RUN dotnet restore src/EditBot/EditBot.csproj
COPY src/ src/
RUN dotnet publish src/EditBot/EditBot.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The usage chart draws its text with a system font (SkiaSharp's build here carries none); the runtime image has none.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
# SQLite lives on a volume owned by the image's non-root user (APP_UID, 1654 in Microsoft's images).
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME ["/data"]
ENV Storage__ConnectionString="Data Source=/data/editbot.db" \
    Http__Urls="http://0.0.0.0:8080" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["dotnet", "EditBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "EditBot.dll"]
