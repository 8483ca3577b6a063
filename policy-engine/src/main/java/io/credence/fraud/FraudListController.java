package io.credence.fraud;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fraud-lists/{market}")
class FraudListController {

    private final FraudLists fraudLists;

    FraudListController(FraudLists fraudLists) {
        this.fraudLists = fraudLists;
    }

    /** The active entries as CSV (list,entry,reason,expiresAt), the format the import reads. */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> export(@PathVariable String market) {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"fraud-list-" + market + ".csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(fraudLists.exportCsv(market));
    }

    /** Adds every line of a CSV body, all or nothing; 400 names each bad line. */
    @PostMapping(value = "/import", consumes = "text/csv")
    List<FraudListEntry> importCsv(@PathVariable String market, @RequestBody String csv, Principal principal) {
        return fraudLists.importCsv(principal.getName(), market, csv);
    }

    @GetMapping
    List<FraudListEntry> list(@PathVariable String market) {
        return fraudLists.list(market);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FraudListEntry add(@PathVariable String market, @RequestBody NewFraudListEntry request, Principal principal) {
        return fraudLists.add(principal.getName(), market, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String market, @PathVariable String id, Principal principal) {
        fraudLists.remove(principal.getName(), market, id);
    }
}
