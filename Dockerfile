# Multi-stage build of the one executable (Zaiko.Web). The same image runs every role:
#   docker run zaiko --role all|web|worker        (default: all)
#   docker run zaiko migrate                      (apply migrations and exit)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props Zaiko.sln ./
COPY db/ db/
COPY Zaiko.Data/ Zaiko.Data/
COPY Zaiko.Jobs/ Zaiko.Jobs/
COPY Zaiko.Web/ Zaiko.Web/
RUN dotnet publish Zaiko.Web/Zaiko.Web.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl tzdata && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ZAIKO_LOG_DIR=/app/logs \
    DOTNET_gcServer=0
RUN useradd --system --home /app zaiko && mkdir -p /app/logs && chown zaiko /app/logs
USER zaiko
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "Zaiko.Web.dll"]
CMD ["--role", "all"]
