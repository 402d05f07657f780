//===- KubernetesTest.cpp - Kubernetes objects and their workloads --------===//
#include "lib/Model/Kubernetes.h"
#include "lib/Model/Frontends.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;

namespace {

FileAnalysis analyze(const std::string &Path, const std::string &Text) {
  return analyzeAs(FileKind::Yaml, Path, Text);
}

std::string at(const FileAnalysis &A, SourceRange R) {
  return A.File->slice(R).str();
}

const char *CronJob = R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: backfill
  annotations:
    adminlint.dev/ignore: "ADM403 -- pinned by the release tool"
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: wait
              image: busybox
          containers:
            - name: run
              image: ghcr.io/acme/api:2.0@sha256:abc
              command:
                - sh
                - -c
                - |
                  python manage.py backfill_orders
              env:
                - name: DATABASE_URL
                  valueFrom:
                    secretKeyRef: {name: api-db, key: url}
              envFrom:
                - configMapRef:
                    name: api-config
)";

TEST(KubernetesTest, CronJobContainersAndConfig) {
  FileAnalysis A = analyze("k8s/cron.yaml", CronJob);
  ASSERT_TRUE(A.Diags.empty());
  ASSERT_EQ(A.Workloads.size(), 2u);
  const Workload &Init = A.Workloads[0];
  EXPECT_TRUE(Init.InitContainer);
  EXPECT_EQ(Init.Image.Repository, "busybox");
  const Workload &W = A.Workloads[1];
  EXPECT_EQ(W.Origin, "CronJob");
  EXPECT_EQ(W.Name, "backfill");
  EXPECT_EQ(W.Container, "run");
  EXPECT_EQ(W.ReleaseUnit, "k8s");
  EXPECT_EQ(W.Lifetime, WorkloadLifetime::Scheduled);
  EXPECT_EQ(W.IgnoreAnnotation, "ADM403 -- pinned by the release tool");
  EXPECT_EQ(W.Image.Repository, "ghcr.io/acme/api");
  EXPECT_EQ(W.Image.Tag, "2.0");
  EXPECT_EQ(W.Image.Digest, "sha256:abc");
  EXPECT_EQ(at(A, W.Image.Range), "ghcr.io/acme/api:2.0@sha256:abc");
  ASSERT_EQ(W.Config.size(), 2u);
  EXPECT_EQ(W.Config[0].Kind, "configMap");
  EXPECT_EQ(W.Config[0].Name, "api-config");
  EXPECT_EQ(W.Config[1].Kind, "secretKeyRef");
  EXPECT_EQ(W.Config[1].Name, "api-db");
}

TEST(KubernetesTest, ArgvWordsMapToScalars) {
  FileAnalysis A = analyze("k8s/cron.yaml", CronJob);
  ASSERT_EQ(A.Shell.size(), 1u);
  const ShellUnit &U = A.Shell[0];
  EXPECT_EQ(U.Host, ShellHost::K8sCommand);
  EXPECT_EQ(U.Label, "CronJob/backfill/run");
  EXPECT_TRUE(U.OneOff);
  EXPECT_FALSE(U.LongRunning);
  ASSERT_EQ(U.Script.Commands.size(), 1u);
  const shell::Command &C = U.Script.Commands[0];
  ASSERT_EQ(C.Words.size(), 3u);
  EXPECT_EQ(C.Words[2].value(), "python manage.py backfill_orders\n");
  uint32_t Manage = C.Words[2].Text.toHost(7);
  EXPECT_EQ(A.File->text().substr(Manage, 9), "manage.py");
  LineColumn LC = A.File->lineColumn(Manage);
  EXPECT_EQ(LC.Line, 23u);
  EXPECT_EQ(LC.Byte, 26u);
}

TEST(KubernetesTest, LifetimesAndHooks) {
  EXPECT_EQ(k8s::lifetimeOf("Deployment", false),
            WorkloadLifetime::LongRunning);
  EXPECT_EQ(k8s::lifetimeOf("Deployment", true), WorkloadLifetime::OneOff);
  EXPECT_EQ(k8s::lifetimeOf("Job", false), WorkloadLifetime::OneOff);
  EXPECT_EQ(k8s::lifetimeOf("Pod", false), WorkloadLifetime::OneOff);
  EXPECT_EQ(k8s::lifetimeOf("CronJob", true), WorkloadLifetime::Scheduled);
  FileAnalysis A = analyze("hook.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: pre
  annotations:
    argocd.argoproj.io/hook: PreSync
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: app:1
          args: [python, manage.py, migrate]
      containers:
        - name: web
          image: app:1
)");
  ASSERT_EQ(A.Workloads.size(), 2u);
  EXPECT_EQ(A.Workloads[0].Lifetime, WorkloadLifetime::OneOff);
  EXPECT_EQ(A.Workloads[0].Command, "python manage.py migrate");
  EXPECT_EQ(A.Workloads[0].ReleaseUnit, "");
}

TEST(KubernetesTest, ImageReferences) {
  ImageRef I;
  k8s::parseImageRef("localhost:5000/team/app:v1", I);
  EXPECT_EQ(I.Repository, "localhost:5000/team/app");
  EXPECT_EQ(I.Tag, "v1");
  ImageRef J;
  k8s::parseImageRef("localhost:5000/app", J);
  EXPECT_EQ(J.Repository, "localhost:5000/app");
  EXPECT_EQ(J.Tag, "");
  ImageRef K;
  k8s::parseImageRef("{{ .Values.image.repository }}:{{ .Values.image.tag }}",
                     K);
  EXPECT_FALSE(K.Resolved);
}

TEST(KubernetesTest, NonKubernetesYamlIsQuiet) {
  FileAnalysis A = analyze("config.yaml", "foo: bar\nspec: {template: 1}\n");
  EXPECT_TRUE(A.Diags.empty());
  EXPECT_TRUE(A.Workloads.empty());
  EXPECT_EQ(A.Model, nullptr);
}

TEST(KubernetesTest, ListItemsAndBrokenYaml) {
  FileAnalysis A = analyze("list.yaml", R"(apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: debug}
    spec:
      containers: [{name: c, image: "app:1"}]
)");
  ASSERT_EQ(A.Workloads.size(), 1u);
  EXPECT_EQ(A.Workloads[0].Origin, "Pod");
  FileAnalysis B = analyze("bad.yaml", "kind: Job\nspec: [\n");
  ASSERT_EQ(B.Diags.size(), 1u);
  EXPECT_EQ(B.Diags[0].Rule, RuleId::ParseError);
}

} // namespace
