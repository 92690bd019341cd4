//! One helper per API route, so a test says what it asks and not how the request is built.

use serde_json::{Value, json};

use super::{Res, StatusCode, TestApp, id_of};

/// The path of one of a client's collections (`goals`, `sessions`, ...).
fn of_client(client: &Value, what: &str) -> String {
    format!("/api/clients/{}/{what}", id_of(client))
}

impl TestApp {
    /// Adds a client with `label`; panics unless it is stored.
    pub async fn client(&self, label: &str) -> Value {
        self.post_client(json!({"label": label, "birth_year": 2016, "discipline": "beeldend"}))
            .await
            .expect(StatusCode::CREATED)
            .json()
    }

    /// Adds a goal to `client`; panics unless it is stored.
    pub async fn goal(&self, client: &Value) -> Value {
        self.post_goal(
            client,
            json!({"domain": "lichaamsbeleving", "title": "Voelen waar het zit"}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json()
    }

    /// `POST /api/clients`.
    pub async fn post_client(&self, body: Value) -> Res {
        self.post("/api/clients", body).await
    }

    /// `GET /api/clients/{id}`.
    pub async fn read_client(&self, client: &Value) -> Res {
        self.get(&format!("/api/clients/{}", id_of(client))).await
    }

    /// `DELETE /api/clients/{id}`.
    pub async fn delete_client(&self, client: &Value) -> Res {
        self.send("DELETE", &format!("/api/clients/{}", id_of(client)), None)
            .await
    }

    /// `GET /api/clients/{id}/goals`.
    pub async fn goals(&self, client: &Value) -> Res {
        self.get(&of_client(client, "goals")).await
    }

    /// `POST /api/clients/{id}/goals`.
    pub async fn post_goal(&self, client: &Value, body: Value) -> Res {
        self.post(&of_client(client, "goals"), body).await
    }

    /// `GET /api/clients/{id}/sessions`.
    pub async fn sessions(&self, client: &Value) -> Res {
        self.get(&of_client(client, "sessions")).await
    }

    /// `POST /api/clients/{id}/sessions`.
    pub async fn post_session(&self, client: &Value, body: Value) -> Res {
        self.post(&of_client(client, "sessions"), body).await
    }

    /// `GET /api/clients/{id}/artefacts`.
    pub async fn artefacts(&self, client: &Value) -> Res {
        self.get(&of_client(client, "artefacts")).await
    }

    /// `PUT /api/artefacts/{id}`.
    pub async fn put_artefact_at(&self, id: &str, body: Value) -> Res {
        self.send("PUT", &format!("/api/artefacts/{id}"), Some(body))
            .await
    }

    /// `GET /api/artefacts/{id}`.
    pub async fn artefact(&self, id: &str) -> Res {
        self.get(&format!("/api/artefacts/{id}")).await
    }

    /// `GET /api/artefacts/{id}/blobs/{name}`.
    pub async fn blob(&self, id: &str, name: &str) -> Res {
        self.get(&format!("/api/artefacts/{id}/blobs/{name}")).await
    }

    /// `GET /api/clients/{id}/exercises`.
    pub async fn exercises(&self, client: &Value) -> Res {
        self.get(&of_client(client, "exercises")).await
    }

    /// `POST /api/clients/{id}/exercises`.
    pub async fn post_exercise(&self, client: &Value, body: Value) -> Res {
        self.post(&of_client(client, "exercises"), body).await
    }

    /// `DELETE /api/clients/{id}/exercises/{exercise}`.
    pub async fn delete_exercise(&self, client: &Value, exercise: &str) -> Res {
        self.send(
            "DELETE",
            &format!("{}/{exercise}", of_client(client, "exercises")),
            None,
        )
        .await
    }

    /// `GET /api/clients/{id}/progress`.
    pub async fn progress(&self, client: &Value) -> Res {
        self.get(&of_client(client, "progress")).await
    }

    /// `PUT /api/clients/{id}/sessions/{sid}/scores/{gid}`.
    pub async fn put_score(
        &self,
        client: &Value,
        session: &Value,
        goal: &Value,
        score: Value,
    ) -> Res {
        let path = format!(
            "{}/{}/scores/{}",
            of_client(client, "sessions"),
            id_of(session),
            id_of(goal)
        );
        self.send("PUT", &path, Some(json!({ "score": score })))
            .await
    }

    /// `PUT /api/clients/{id}/goals/{gid}/gas`.
    pub async fn put_gas(&self, client: &Value, goal: &Value, scale: Value) -> Res {
        let path = format!("{}/{}/gas", of_client(client, "goals"), id_of(goal));
        self.send("PUT", &path, Some(scale)).await
    }

    /// `PUT /api/clients/{id}/goals/{gid}/subgoals/{index}`.
    pub async fn put_subgoal(
        &self,
        client: &Value,
        goal: &Value,
        index: &str,
        status: &str,
    ) -> Res {
        let path = format!(
            "{}/{}/subgoals/{index}",
            of_client(client, "goals"),
            id_of(goal)
        );
        self.send("PUT", &path, Some(json!({ "status": status })))
            .await
    }

    /// `GET /api/clients/{id}/evaluations`.
    pub async fn evaluations(&self, client: &Value) -> Res {
        self.get(&of_client(client, "evaluations")).await
    }

    /// `POST /api/clients/{id}/evaluations`.
    pub async fn post_evaluation(&self, client: &Value, body: Value) -> Res {
        self.post(&of_client(client, "evaluations"), body).await
    }

    /// `GET /api/clients/{id}/evaluations/{eid}`.
    pub async fn evaluation(&self, client: &Value, evaluation: &str) -> Res {
        self.get(&format!(
            "{}/{evaluation}",
            of_client(client, "evaluations")
        ))
        .await
    }

    /// A session of `client` on `date`; panics unless it is stored.
    pub async fn session(&self, client: &Value, date: &str) -> Value {
        self.post_session(client, json!({ "date": date }))
            .await
            .expect(StatusCode::CREATED)
            .json()
    }

    /// Gives `goal` a GAS scale with five levels and `weight`; panics unless it is stored.
    pub async fn gas(&self, client: &Value, goal: &Value, weight: Option<i64>) -> Value {
        self.put_gas(
            client,
            goal,
            json!({
                "levels": ["nooit", "soms, met hulp", "meestal zelf", "vaak zelf", "altijd zelf"],
                "weight": weight,
                "baseline": -1
            }),
        )
        .await
        .expect(StatusCode::OK)
        .json()
    }
}
