package io.credence.simulation;

import io.credence.shared.InvalidRequestException;
import io.credence.shared.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/markets/{market}/simulations")
class SimulationController {

    private final SimulationService simulations;
    private final JsonMapper json;

    SimulationController(SimulationService simulations, JsonMapper json) {
        this.simulations = simulations;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SimulationCreated> start(
            @PathVariable String market, @RequestBody SimulationRequest request, Principal actor) {
        return accepted(market, simulations.start(actor.getName(), market, request));
    }

    /** The part {@code request} is the same JSON without a source; any content type, so curl's -F works as is. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SimulationCreated> upload(
            @PathVariable String market,
            @RequestPart("request") String request,
            @RequestPart("file") MultipartFile file,
            Principal actor) {
        SimulationRequest parsed;
        try {
            parsed = json.readValue(request, SimulationRequest.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException("request", "must be a JSON object like {\"version\": 8, \"against\": 7}");
        }
        try {
            return accepted(
                    market,
                    simulations.startUpload(
                            actor.getName(), market, parsed, file.getOriginalFilename(), file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    List<Simulation> list(
            @PathVariable String market,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "20") int limit) {
        return simulations.list(market, version, limit);
    }

    /** The latest completed backtest of a candidate version. */
    @GetMapping("/latest")
    Simulation latest(@PathVariable String market, @RequestParam int version) {
        return simulations
                .latest(market, version)
                .orElseThrow(() ->
                        new NotFoundException("Version " + version + " of " + market + " has no completed backtest."));
    }

    /** A CSV with the columns a backtest upload understands and one example row for the market. */
    @GetMapping(value = "/template.csv", produces = "text/csv")
    ResponseEntity<String> template(@PathVariable String market) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"backtest-template-" + market + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(simulations.template(market));
    }

    @GetMapping("/{id}")
    Simulation get(@PathVariable String market, @PathVariable String id) {
        return simulations.get(market, id);
    }

    private static ResponseEntity<SimulationCreated> accepted(String market, SimulationCreated created) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/markets/" + market + "/simulations/" + created.id()))
                .body(created);
    }
}
